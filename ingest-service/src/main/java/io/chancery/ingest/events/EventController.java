package io.chancery.ingest.events;

import java.time.Clock;
import java.util.Objects;

import io.chancery.contracts.Event;
import io.chancery.contracts.ContentKey;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.contracts.Withdrawal;
import io.chancery.contracts.WithdrawalNote;
import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.publishing.Publication;
import io.chancery.ingest.publishing.Published;
import io.chancery.ingest.validation.HtmlSanitizer;
import io.chancery.ingest.validation.Violations;
import io.chancery.ingest.web.Change;
import io.chancery.ingest.web.Conditions;
import io.chancery.ingest.web.Fingerprints;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * Create, replace and withdraw events. Every answer comes after Kafka acknowledged the
 * change; the ETag is the new revision, which If-Match takes back for the next change.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventController {

	private final EventChanges changes;

	private final ContentPublisher publisher;

	private final JsonMapper json;

	private final Clock clock;

	EventController(EventChanges changes, ContentPublisher publisher, JsonMapper json, Clock clock) {
		this.changes = changes;
		this.publisher = publisher;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Creates an event (or a new translation of one); 409 if that id and locale exist.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Change> create(@RequestBody EventRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		String id = Objects.requireNonNullElse(request.id(), "");
		String locale = Objects.requireNonNullElse(request.locale(), "");
		Published published = publish(request, id, locale, null, true, idempotencyKey, "POST /api/v1/events");
		return Change.answer(HttpStatus.CREATED, id, locale, published, "/api/v1/events/" + id + "/" + locale);
	}

	/**
	 * Creates or replaces one locale's version; with If-Match, only if that revision is
	 * still current.
	 */
	@PutMapping(path = "/{id}/{locale}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Change> replace(@PathVariable String id, @PathVariable String locale,
			@RequestBody EventRequest request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		new Violations().require(request.id() == null || request.id().equals(id), "id", "differs from the path")
			.require(request.locale() == null || request.locale().equals(locale), "locale", "differs from the path")
			.throwIfAny();
		Published published = publish(request, id, locale, Conditions.expectedRevision(ifMatch), false, idempotencyKey,
				"PUT /api/v1/events/" + id + "/" + locale);
		return Change.answer(HttpStatus.OK, id, locale, published, null);
	}

	/**
	 * Withdraws one locale's version. Without a note it is gone from listings and search;
	 * with a note it stays readable with the note.
	 */
	@DeleteMapping("/{id}/{locale}")
	ResponseEntity<Change> withdraw(@PathVariable String id, @PathVariable String locale,
			@RequestParam(required = false) @Nullable String note,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		new Violations().requireId(id, "id").optionalText(note, "note", 5_000).throwIfAny();
		String key = ContentKey.of(id, locale);
		String retryKey = Conditions.idempotencyKey(idempotencyKey);
		String fingerprint = Fingerprints.of("DELETE", "/api/v1/events/" + id + "/" + locale,
				(note != null) ? note.getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[0]);
		Long expected = Conditions.expectedRevision(ifMatch);
		Published published;
		if (note == null || note.isBlank()) {
			published = this.publisher.publish(
					new Publication(key, EventType.EVENT_WITHDRAWN, expected, false, retryKey, fingerprint),
					(revision) -> new Withdrawal(id, locale, revision, this.clock.instant(), null));
		}
		else {
			Event current = this.publisher.latest(Topic.EVENTS, key)
				.map((bytes) -> MessageJson.mapper().readValue(bytes, Event.class))
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
						"There is no event " + id + " in " + locale + " to withdraw with a note"));
			WithdrawalNote withdrawal = new WithdrawalNote(Objects.requireNonNull(HtmlSanitizer.plain(note)),
					this.clock.instant());
			published = this.publisher.publish(
					new Publication(key, EventType.EVENT_PUBLISHED, expected, false, retryKey, fingerprint),
					(revision) -> withdrawn(current, revision, withdrawal));
		}
		return Change.answer(HttpStatus.OK, id, locale, published, null);
	}

	private Event withdrawn(Event current, long revision, WithdrawalNote withdrawal) {
		return new Event(current.id(), current.locale(), revision, ContentStatus.WITHDRAWN, current.date(),
				current.timeZone(), current.title(), current.lead(), current.relatedArticleId(), current.counter(),
				current.publishAt(), withdrawal, this.clock.instant());
	}

	private Published publish(EventRequest request, String id, String locale, @Nullable Long expectedRevision,
			boolean mustNotExist, @Nullable String idempotencyKey, String route) {
		this.changes.validate(request, id, locale);
		String fingerprint = Fingerprints.of(route.substring(0, route.indexOf(' ')),
				route.substring(route.indexOf(' ') + 1), this.json.writeValueAsBytes(request));
		Publication publication = new Publication(ContentKey.of(id, locale), EventType.EVENT_PUBLISHED,
				expectedRevision, mustNotExist, Conditions.idempotencyKey(idempotencyKey), fingerprint);
		return this.publisher.publish(publication, (revision) -> this.changes.event(request, id, locale, revision));
	}

}
