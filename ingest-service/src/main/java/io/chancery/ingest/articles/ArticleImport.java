package io.chancery.ingest.articles;

import io.chancery.contracts.Article;
import io.chancery.ingest.changes.ChangeRoutes;
import io.chancery.ingest.imports.ContentImporter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Import lines of type {@code article}: the same fields and rules as
 * {@code POST /api/v1/articles}, from the same description of the kind.
 */
@Configuration(proxyBeanMethods = false)
class ArticleImport {

	@Bean
	ContentImporter articleImporter(ArticleChanges changes, JsonMapper json) {
		ChangeRoutes.Kind<ArticleRequest, Article> kind = changes.kind();
		return ContentImporter.of(kind.importType(), (line, context) -> kind.importLine(line, json, context));
	}

}
