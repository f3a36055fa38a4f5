package io.chancery.ingest.changes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import io.chancery.contracts.Attribution;
import io.chancery.contracts.ChangeAction;
import io.chancery.contracts.ContentKey;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MajorChange;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.contracts.Withdrawal;
import io.chancery.contracts.WithdrawalNote;
import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import io.chancery.ingest.publishing.Publication;
import io.chancery.ingest.publishing.ItemFacts;
import io.chancery.ingest.publishing.Previous;
import io.chancery.ingest.publishing.Published;
import io.chancery.ingest.publishing.RevisionConflict;
import io.chancery.ingest.publishing.Stored;
import io.chancery.ingest.validation.HtmlSanitizer;
import io.chancery.ingest.validation.InvalidContent;
import io.chancery.ingest.validation.Violations;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/**
 * Create, replace and withdraw for one kind of content (articles, events), the same way
 * for each: conditions from If-Match and Idempotency-Key, validation before anything is
 * published, and the answer after Kafka committed.
 *
 * @param <R> the request an editor sends
 * @param <M> the message published
 */
public final class ChangeRoutes<R, M> {

	/**
	 * How often a note is put on a newer version that landed while it was being added.
	 */
	private static final int CONDITIONAL_ATTEMPTS = 3;

	private final Kind<R, M> kind;

	private final ContentPublisher publisher;

	private final JsonMapper json;

	private final Clock clock;

	private final EditorialRecord record;

	public ChangeRoutes(Kind<R, M> kind, ContentPublisher publisher, JsonMapper json, Clock clock,
			EditorialRecord record) {
		this.record = record;
		this.kind = kind;
		this.publisher = publisher;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Refuses a create that carries If-Match (428/412 as {@link Conditions} answers): an
	 * existing item is changed with PUT.
	 */
	void noneToMatch(@Nullable String ifMatch) {
		Conditions.noneToMatch(ifMatch, "to change an existing " + this.kind.importType() + ", PUT " + collection()
				+ "/{id}/{locale} with If-Match");
	}

	/** Creates an item (or a new translation of one); 409 if that id and locale exist. */
	public ResponseEntity<Change> create(R request, @Nullable String idempotencyKey) {
		String id = Objects.requireNonNullElse(this.kind.id().apply(request), "");
		String locale = Objects.requireNonNullElse(this.kind.locale().apply(request), "");
		Published published = publish(request, id, locale, null, true, idempotencyKey, "POST", collection());
		return answer(HttpStatus.CREATED, id, locale, published, collection() + "/" + id + "/" + locale);
	}

	/**
	 * Creates or replaces one locale's version; with If-Match, only if that revision is
	 * still current.
	 */
	public ResponseEntity<Change> replace(String id, String locale, R request, @Nullable String ifMatch,
			@Nullable String idempotencyKey) {
		String requestId = this.kind.id().apply(request);
		String requestLocale = this.kind.locale().apply(request);
		new Violations().require(requestId == null || requestId.equals(id), "id", "differs from the path")
			.require(requestLocale == null || requestLocale.equals(locale), "locale", "differs from the path")
			.throwIfAny();
		Published published = publish(request, id, locale, Conditions.expectedRevision(ifMatch), false, idempotencyKey,
				"PUT", collection() + "/" + id + "/" + locale);
		return answer(HttpStatus.OK, id, locale, published, null);
	}

	/**
	 * Withdraws one locale's version: without a note it is gone from listings and search;
	 * with a note it stays readable with the note, so the stored message is read back and
	 * republished withdrawn.
	 */
	public ResponseEntity<Change> withdraw(String id, String locale, @Nullable String note, @Nullable String ifMatch,
			@Nullable String idempotencyKey) {
		new Violations().requireId(id, "id").optionalText(note, "note", 5_000).throwIfAny();
		String key = ContentKey.of(id, locale);
		this.publisher.requireWritable(this.kind.topic(), key);
		String retryKey = Conditions.idempotencyKey(idempotencyKey);
		String fingerprint = Fingerprints.of(retryKey, "DELETE", collection() + "/" + id + "/" + locale,
				() -> (note != null) ? note.getBytes(StandardCharsets.UTF_8) : new byte[0]);
		Long expected = Conditions.expectedRevision(ifMatch);
		Published published;
		if (note == null || note.isBlank()) {
			Attribution change = Authorship.current(ChangeAction.WITHDRAWN, null, this.clock.instant(), null, retryKey,
					null);
			published = this.publisher.publish(
					new Publication(key, this.kind.withdrawn(), expected, false, retryKey, fingerprint),
					(revision, previous) -> new Withdrawal(id, locale, revision, change.at(), null,
							Authorship.settle(change, previous, false)));
		}
		else {
			WithdrawalNote withdrawal = new WithdrawalNote(Objects.requireNonNull(HtmlSanitizer.plain(note)),
					this.clock.instant());
			Attribution change = Authorship.current(ChangeAction.WITHDRAWN, new ChangeNote(note, false),
					withdrawal.withdrawnAt(), null, retryKey, null);
			published = withdrawWithNote(id, locale, withdrawal, change, expected, retryKey, fingerprint);
		}
		return answer(HttpStatus.OK, id, locale, published, null);
	}

	/**
	 * Publishes an earlier revision again, as a new revision: the content as it was then,
	 * read from the editorial record, recorded as restored from it. With If-Match, only
	 * if that revision is still current.
	 */
	public ResponseEntity<Change> restore(String id, String locale, long revision, @Nullable ChangeNote note,
			@Nullable String ifMatch, @Nullable String idempotencyKey, HttpServletRequest request) {
		Violations violations = new Violations().requireId(id, "id");
		ChangeNote.validate(note, violations);
		violations.throwIfAny();
		String key = ContentKey.of(id, locale);
		String path = collection() + "/" + id + "/" + locale;
		this.publisher.requireWritable(this.kind.topic(), key);
		Long expected = Conditions.expectedRevision(ifMatch);
		EditorialRecord.Revision earlier = this.record
			.revision(this.kind.topic().wireName(), id, locale, revision, request)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"Revision " + revision + " of " + path + " is not in the editorial record"));
		if (!earlier.eventType().equals(this.kind.published().wireName())
				|| !(earlier.message() instanceof ObjectNode stored)) {
			throw new InvalidContent(List.of(new InvalidContent.Violation("revision",
					"revision " + revision + " withdrew the item for good; to withdraw it again, DELETE " + path)));
		}
		Instant now = this.clock.instant();
		ObjectNode content = stored.deepCopy();
		content.remove("change");
		content.put("updatedAt", now.toString());
		M message = MessageJson.mapper().treeToValue(content, this.kind.messageType());
		String retryKey = Conditions.idempotencyKey(idempotencyKey);
		String fingerprint = Fingerprints.of(retryKey, "POST", path + "/revisions/" + revision + "/restore",
				() -> (note != null) ? this.json.writeValueAsBytes(note) : new byte[0]);
		Attribution change = Authorship.current(ChangeAction.RESTORED, note, now, null, retryKey, revision);
		Published published = this.publisher.publish(
				new Publication(key, this.kind.published(), expected, false, retryKey, fingerprint),
				(next, previous) -> this.kind.stamped(message, key, next, previous, change));
		return answer(HttpStatus.OK, id, locale, published, null);
	}

	/**
	 * Republishes the item's current version withdrawn with a note, conditional on the
	 * revision it read: without If-Match an edit that lands in between is read again and
	 * the note is put on it, never on the older version it would overwrite.
	 */
	private Published withdrawWithNote(String id, String locale, WithdrawalNote withdrawal, Attribution change,
			@Nullable Long expected, @Nullable String retryKey, String fingerprint) {
		String key = ContentKey.of(id, locale);
		String path = collection() + "/" + id + "/" + locale;
		for (int attempt = 1;; attempt++) {
			Stored current = this.publisher.latest(this.kind.topic(), key)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
						"There is nothing at " + path + " to withdraw with a note"));
			if (current.isWithdrawal()) {
				throw new ResponseStatusException(HttpStatus.GONE,
						"The item at " + path + " was withdrawn for good at revision " + current.revision()
								+ "; only a published item can be withdrawn with a note");
			}
			M message = MessageJson.mapper().readValue(current.message(), this.kind.messageType());
			if (ItemFacts.of(message).draft()) {
				throw new RevisionConflict("The item at " + path + " is a draft, never published: withdraw it "
						+ "without a note to delete it, or publish it first", current.revision());
			}
			Publication publication = new Publication(key, this.kind.published(),
					(expected != null) ? expected : current.revision(), false, retryKey, fingerprint);
			try {
				return this.publisher.publish(publication,
						(revision, previous) -> this.kind.stamp()
							.stamp(this.kind.withdrawnCopy().copy(message, revision, withdrawal, change.at()), revision,
									change, previous.majorChange()));
			}
			catch (RevisionConflict ex) {
				if (expected != null || attempt == CONDITIONAL_ATTEMPTS || ex.currentRevision() == null) {
					throw ex;
				}
			}
		}
	}

	private Published publish(R request, String id, String locale, @Nullable Long expectedRevision,
			boolean mustNotExist, @Nullable String idempotencyKey, String method, String path) {
		this.publisher.requireWritable(this.kind.topic(), ContentKey.of(id, locale));
		this.kind.validator().validate(request, id, locale);
		String retryKey = Conditions.idempotencyKey(idempotencyKey);
		String fingerprint = Fingerprints.of(retryKey, method, path, () -> this.json.writeValueAsBytes(request));
		Publication publication = new Publication(ContentKey.of(id, locale), this.kind.published(), expectedRevision,
				mustNotExist, retryKey, fingerprint);
		Attribution change = Authorship.current(ChangeAction.CHANGED, this.kind.note().apply(request),
				this.clock.instant(), null, retryKey, null);
		// Built (and its body cleaned) before the writer's lock; only the revision and
		// whether it publishes the item are stamped under it.
		M built = this.kind.builder().build(request, id, locale, 0);
		return this.publisher.publish(publication,
				(revision, previous) -> this.kind.stamped(built, publication.key(), revision, previous, change));
	}

	private ResponseEntity<Change> answer(HttpStatus status, String id, String locale, Published published,
			@Nullable String location) {
		return Change.answer(status, id, locale, published, location,
				this.publisher.owner(this.kind.topic(), ContentKey.of(id, locale)).orElse(null));
	}

	private String collection() {
		return "/api/v1/" + this.kind.topic().wireName();
	}

	/**
	 * What differs between kinds of content: one description per kind, from which both
	 * its routes and its import lines are served.
	 *
	 * @param <R> the request
	 * @param <M> the message
	 * @param importType the value of an import line's {@code type} for this kind
	 * @param topic the topic, whose name is also the collection's path
	 * @param published the event type of a change
	 * @param withdrawn the event type of a withdrawal for good
	 * @param requestType the request class, to read an import line
	 * @param messageType the message class, to read the stored version back
	 * @param id the request's id
	 * @param locale the request's locale
	 * @param validator checks a request
	 * @param builder builds the message of a request
	 * @param note the editor's note on the change a request makes
	 * @param stamp the same message at the revision the publisher assigns, with its
	 * editorial record
	 * @param withdrawnCopy builds the withdrawn-with-note copy of a stored message
	 */
	public record Kind<R, M>(String importType, Topic topic, EventType published, EventType withdrawn,
			Class<R> requestType, Class<M> messageType, Function<R, @Nullable String> id,
			Function<R, @Nullable String> locale, Validator<R> validator, Builder<R, M> builder,
			Function<R, @Nullable ChangeNote> note, Stamp<M> stamp, WithdrawnCopy<M> withdrawnCopy) {

		/**
		 * A message as the writer stamps it under its lock: its revision, its editorial
		 * record settled against what the item was, and the item's latest major change. A
		 * draft may follow nothing or a draft; a published item never becomes one again.
		 * @throws RevisionConflict if a draft would replace a published item
		 */
		M stamped(M built, String key, long revision, Previous previous, Attribution change) {
			boolean draft = ItemFacts.of(built).draft();
			if (draft && previous.published()) {
				throw new RevisionConflict(key + " is published and cannot become a draft again: change it as it "
						+ "stays published, or withdraw it", previous.revision());
			}
			return this.stamp.stamp(built, revision, Authorship.settle(change, previous, draft),
					Authorship.majorChange(change, previous, draft));
		}

		/**
		 * An import line of this kind as a change of the import: the same fields and
		 * rules as a create, published without conditions.
		 * @throws io.chancery.ingest.validation.InvalidContent if the content breaks a
		 * rule
		 * @throws tools.jackson.core.JacksonException if a field has the wrong type
		 */
		public BatchItem importLine(JsonNode line, JsonMapper json, ImportContext context) {
			R request = json.treeToValue(line, this.requestType);
			String id = Objects.requireNonNullElse(this.id.apply(request), "");
			String locale = Objects.requireNonNullElse(this.locale.apply(request), "");
			this.validator.validate(request, id, locale);
			M built = this.builder.build(request, id, locale, 0);
			Attribution change = Authorship.current(ChangeAction.CHANGED, this.note.apply(request), context.at(),
					context.importId(), null, null);
			return new BatchItem(ContentKey.of(id, locale), this.published,
					(revision, previous) -> stamped(built, ContentKey.of(id, locale), revision, previous, change));
		}

	}

	/**
	 * Checks a request, throwing {@link io.chancery.ingest.validation.InvalidContent}.
	 */
	@FunctionalInterface
	public interface Validator<R> {

		void validate(R request, String id, String locale);

	}

	/** Builds the message of a request at a revision. */
	@FunctionalInterface
	public interface Builder<R, M> {

		M build(R request, String id, String locale, long revision);

	}

	/**
	 * A message at the revision the publisher assigns, with its editorial record and the
	 * item's latest major change.
	 */
	@FunctionalInterface
	public interface Stamp<M> {

		M stamp(M draft, long revision, Attribution change, @Nullable MajorChange majorChange);

	}

	/** Builds the withdrawn-with-note copy of a stored message. */
	@FunctionalInterface
	public interface WithdrawnCopy<M> {

		M copy(M current, long revision, WithdrawalNote withdrawal, java.time.Instant now);

	}

}
