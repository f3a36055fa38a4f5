package io.chancery.ingest.publishing;

import io.chancery.contracts.EventType;
import org.jspecify.annotations.Nullable;

/**
 * One change to publish: the item's record key, what kind of change it is, and the
 * conditions the editor set.
 *
 * @param key the record key ({@code id:locale}, or the locale for site details)
 * @param type the event type, which also names the topic
 * @param expectedRevision the revision the editor based the change on; a different
 * current revision is a conflict
 * @param mustNotExist whether the change creates the item and fails if it exists
 * @param idempotencyKey the client's key for safe retries
 * @param fingerprint a digest of the request, to tell a retry from a different request
 * under the same key; {@code null} without a key
 */
public record Publication(String key, EventType type, @Nullable Long expectedRevision, boolean mustNotExist,
		@Nullable String idempotencyKey, @Nullable String fingerprint) {
}
