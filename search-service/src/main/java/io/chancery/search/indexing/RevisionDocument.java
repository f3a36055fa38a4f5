package io.chancery.search.indexing;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chancery.contracts.Article;
import io.chancery.contracts.Attribution;
import io.chancery.contracts.ChangeAction;
import io.chancery.contracts.ContentKey;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.contracts.Withdrawal;
import org.jspecify.annotations.Nullable;

/**
 * One revision of an article or event as the editorial record holds it: who made it,
 * when, how and why, with the whole message as it was published. Its id names the item
 * and the revision, so a record read twice is written once.
 *
 * @param item the source topic and the item's key, {@code articles/<id>:<locale>}
 * @param type {@code article} or {@code event}
 * @param id the item's id
 * @param locale the item's locale
 * @param revision the revision
 * @param eventType the message's event type
 * @param action published, changed, withdrawn or restored
 * @param author the credential that made the change; absent for changes made before the
 * record
 * @param authorName how its holder is called
 * @param at when the change was accepted
 * @param note the editor's change note
 * @param major whether readers are told of the change
 * @param importId the import the change came in with
 * @param idempotencyKey the client's Idempotency-Key
 * @param restoredFrom for a restore, the revision it published again
 * @param title the item's title at this revision; absent for a withdrawal for good
 * @param message the message as published
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RevisionDocument(String item, String type, String id, String locale, long revision, String eventType,
		String action, @Nullable String author, @Nullable String authorName, Instant at, @Nullable String note,
		boolean major, @Nullable String importId, @Nullable String idempotencyKey, @Nullable Long restoredFrom,
		@Nullable String title, Map<String, Object> message) implements IndexedDocument {

	@Override
	public String documentId() {
		return this.item + "/" + this.revision;
	}

	/**
	 * The revision a record of {@code content-revisions} carries.
	 * @throws IllegalArgumentException if it has no event type of an article or event
	 */
	static RevisionDocument of(IncomingRecord record) {
		EventType type = EventType.fromWireName((record.eventType() != null) ? record.eventType() : "")
			.filter((known) -> known.topic() == Topic.ARTICLES || known.topic() == Topic.EVENTS)
			.orElseThrow(() -> new IllegalArgumentException("missing or unknown event-type header"));
		Object payload = MessageJson.mapper().readValue(record.value(), type.payloadType());
		@SuppressWarnings("unchecked")
		Map<String, Object> message = MessageJson.mapper().readValue(record.value(), Map.class);
		String kind = (type.topic() == Topic.ARTICLES) ? "article" : "event";
		return switch (payload) {
			case Article article -> of(type, kind, article.id(), article.locale(), article.revision(), article.change(),
					article.updatedAt(), ChangeAction.CHANGED, article.title(), message);
			case Event event -> of(type, kind, event.id(), event.locale(), event.revision(), event.change(),
					event.updatedAt(), ChangeAction.CHANGED, event.title(), message);
			case Withdrawal withdrawal -> of(type, kind, withdrawal.id(), withdrawal.locale(), withdrawal.revision(),
					withdrawal.change(), withdrawal.withdrawnAt(), ChangeAction.WITHDRAWN, null, message);
			default -> throw new IllegalArgumentException("not an article or event: " + type.wireName());
		};
	}

	/**
	 * A revision from its message; one written before the record carries no author, and
	 * its time and action are read from the message.
	 */
	private static RevisionDocument of(EventType type, String kind, String id, String locale, long revision,
			@Nullable Attribution change, Instant accepted, ChangeAction otherwise, @Nullable String title,
			Map<String, Object> message) {
		String item = Topic.revisionsKey(type.topic(), ContentKey.of(id, locale));
		if (change == null) {
			return new RevisionDocument(item, kind, id, locale, revision, type.wireName(), wire(otherwise), null, null,
					accepted, null, false, null, null, null, title, message);
		}
		return new RevisionDocument(item, kind, id, locale, revision, type.wireName(), wire(change.action()),
				change.author(), change.authorName(), change.at(), change.note(), change.major(), change.importId(),
				change.idempotencyKey(), change.restoredFrom(), title, message);
	}

	private static String wire(ChangeAction action) {
		return MessageJson.mapper().convertValue(action, String.class);
	}

}
