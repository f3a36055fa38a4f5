package io.chancery.ingest.articles;

import java.time.Clock;

import io.chancery.contracts.Article;
import io.chancery.ingest.changes.ChangeRoutes;
import io.chancery.ingest.changes.ContentController;
import io.chancery.ingest.changes.EditorialRecord;
import io.chancery.ingest.publishing.ContentPublisher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Create, replace, withdraw and restore articles: the routes of
 * {@link ContentController}.
 */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleController extends ContentController<ArticleRequest, Article> {

	ArticleController(ChangeRoutes.Kind<ArticleRequest, Article> kind, ContentPublisher publisher, JsonMapper json,
			Clock clock, EditorialRecord record) {
		super(new ChangeRoutes<>(kind, publisher, json, clock, record));
	}

}
