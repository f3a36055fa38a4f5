package io.chancery.ingest.changes;

import io.chancery.contracts.PartitionOwner;
import io.chancery.ingest.publishing.Published;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an accepted change.
 *
 * @param id the item's id
 * @param locale the item's locale
 * @param revision the change's revision; send it back in If-Match to change the item
 * again
 * @param eventType what was published
 * @param replayed true when this repeats the answer to an earlier request with the same
 * Idempotency-Key
 */
public record Change(String id, String locale, long revision, String eventType, boolean replayed) {

	public static ResponseEntity<Change> answer(HttpStatus status, String id, String locale, Published published,
			@Nullable String location) {
		return answer(status, id, locale, published, location, null);
	}

	/**
	 * The answer, telling the gateway which replica writes the item's partition so the
	 * next change of that partition comes here directly.
	 */
	public static ResponseEntity<Change> answer(HttpStatus status, String id, String locale, Published published,
			@Nullable String location, @Nullable PartitionOwner owner) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).eTag("\"" + published.revision() + "\"");
		if (location != null) {
			builder.location(java.net.URI.create(location));
		}
		if (owner != null) {
			builder.header(PartitionOwner.HEADER, owner.header());
		}
		return builder
			.body(new Change(id, locale, published.revision(), published.type().wireName(), published.replayed()));
	}

}
