package io.chancery.ingest.changes;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Create, replace, withdraw and restore for one kind of content, mapped below the
 * subclass's {@code @RequestMapping}. Every answer comes after Kafka committed the
 * change; the ETag is the new revision, which If-Match takes back for the next change.
 * Spring MVC and the API description resolve {@code R} from the subclass, so each kind's
 * routes take and describe its own request.
 *
 * @param <R> the request an editor sends
 * @param <M> the message published
 */
public abstract class ContentController<R, M> {

	private final ChangeRoutes<R, M> routes;

	protected ContentController(ChangeRoutes<R, M> routes) {
		this.routes = routes;
	}

	/** Creates an item (or a new translation of one); 409 if that id and locale exist. */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<Change> create(@RequestBody R request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		this.routes.noneToMatch(ifMatch);
		return this.routes.create(request, idempotencyKey);
	}

	/**
	 * Creates or replaces one locale's version; with If-Match, only if that revision is
	 * still current.
	 */
	@PutMapping(path = "/{id}/{locale}", consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<Change> replace(@PathVariable String id, @PathVariable String locale, @RequestBody R request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		return this.routes.replace(id, locale, request, ifMatch, idempotencyKey);
	}

	/**
	 * Withdraws one locale's version: gone without a note, readable with the note when
	 * one is given.
	 */
	@DeleteMapping("/{id}/{locale}")
	public ResponseEntity<Change> withdraw(@PathVariable String id, @PathVariable String locale,
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
	public ResponseEntity<Change> restore(@PathVariable String id, @PathVariable String locale,
			@PathVariable long revision, @RequestBody(required = false) @Nullable ChangeNote change,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
			HttpServletRequest request) {
		return this.routes.restore(id, locale, revision, change, ifMatch, idempotencyKey, request);
	}

}
