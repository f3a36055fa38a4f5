package io.chancery.search.editorial;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One revision as the editorial record's index holds it (search-service's indexing writes
 * it), read back.
 *
 * @param item the source topic and the item's key
 * @param type {@code article} or {@code event}
 * @param id the item's id
 * @param locale the item's locale
 * @param revision the revision
 * @param eventType the message's event type
 * @param action published, changed, withdrawn or restored
 * @param author the credential that made it; absent for changes made before the record
 * @param authorName how its holder is called
 * @param at when it was accepted
 * @param note the editor's change note
 * @param major whether readers are told of it
 * @param importId the import it came in with
 * @param idempotencyKey the client's Idempotency-Key
 * @param restoredFrom for a restore, the revision it published again
 * @param title the item's title at this revision
 * @param message the message as published; left out of lists
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredRevision(String item, String type, String id, String locale, long revision, String eventType,
		String action, @Nullable String author, @Nullable String authorName, Instant at, @Nullable String note,
		boolean major, @Nullable String importId, @Nullable String idempotencyKey, @Nullable Long restoredFrom,
		@Nullable String title, @Nullable Map<String, Object> message) {

	/** A text field of the message, empty when it has none. */
	String text(String field) {
		Object value = (this.message != null) ? this.message.get(field) : null;
		return (value instanceof String text) ? text : "";
	}

}
