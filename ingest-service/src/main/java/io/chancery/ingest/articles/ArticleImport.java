package io.chancery.ingest.articles;

import java.util.Objects;

import io.chancery.contracts.Article;
import io.chancery.contracts.ContentKey;
import io.chancery.contracts.EventType;
import io.chancery.ingest.imports.ContentImporter;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Import lines of type {@code article}: the same fields and rules as
 * {@code POST /api/v1/articles}.
 */
@Component
class ArticleImporter implements ContentImporter {

	private final ArticleChanges changes;

	private final JsonMapper json;

	ArticleImporter(ArticleChanges changes, JsonMapper json) {
		this.changes = changes;
		this.json = json;
	}

	@Override
	public String type() {
		return "article";
	}

	@Override
	public BatchItem prepare(JsonNode line) {
		ArticleRequest request = this.json.treeToValue(line, ArticleRequest.class);
		String id = Objects.requireNonNullElse(request.id(), "");
		String locale = Objects.requireNonNullElse(request.locale(), "");
		this.changes.validate(request, id, locale);
		Article draft = this.changes.article(request, id, locale, 0);
		return new BatchItem(ContentKey.of(id, locale), EventType.ARTICLE_PUBLISHED, draft::atRevision);
	}

}
