package io.chancery.ingest.articles;

import java.time.Clock;

import io.chancery.contracts.Article;
import io.chancery.ingest.changes.Change;
import io.chancery.ingest.changes.ChangeNote;
import io.chancery.ingest.changes.ChangeRoutes;
import io.chancery.ingest.changes.Conditions;
import io.chancery.ingest.changes.EditorialRecord;
import io.chancery.ingest.publishing.ContentPublisher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Create, replace and withdraw articles. Every answer comes after Kafka committed the
 * change; the ETag is the new revision, which If-Match takes back for the next change.
 */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

	private final ChangeRoutes<ArticleRequest, Article> routes;

	ArticleController(ArticleChanges changes, ContentPublisher publisher, JsonMapper json, Clock clock,
			EditorialRecord record) {
		this.routes = new ChangeRoutes<>(changes.kind(), publisher, json, clock, record);
	}

	/**
	 * Creates an article (or a new translation of one); 409 if that id and locale exist.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Change> create(@RequestBody ArticleRequest request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		Conditions.noneToMatch(ifMatch,
				"to change an existing article, PUT /api/v1/articles/{id}/{locale} with If-Match");
		return this.routes.create(request, idempotencyKey);
	}

	/**
	 * Creates or replaces one locale's version; with If-Match, only if that revision is
	 * still current.
	 */
	@PutMapping(path = "/{id}/{locale}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Change> replace(@PathVariable String id, @PathVariable String locale,
			@RequestBody ArticleRequest request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		return this.routes.replace(id, locale, request, ifMatch, idempotencyKey);
	}

	/**
	 * Withdraws one locale's version: gone without a note, readable with the note when
	 * one is given.
	 */
	@DeleteMapping("/{id}/{locale}")
	ResponseEntity<Change> withdraw(@PathVariable String id, @PathVariable String locale,
			@RequestParam(required = false) @Nullable String note,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		return this.routes.withdraw(id, locale, note, ifMatch, idempotencyKey);
	}

	/**
	 * Publishes an earlier revision of one locale's version again, as a new revision;
	 * with If-Match, only if that revision is still current.
	 */
	@PostMapping("/{id}/{locale}/revisions/{revision}/restore")
	ResponseEntity<Change> restore(@PathVariable String id, @PathVariable String locale, @PathVariable long revision,
			@RequestBody(required = false) @Nullable ChangeNote change,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			HttpServletRequest request) {
		return this.routes.restore(id, locale, revision, change, ifMatch, idempotencyKey, request);
	}

}
