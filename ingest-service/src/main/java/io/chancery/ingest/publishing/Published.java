package io.chancery.ingest.publishing;

import io.chancery.contracts.EventType;

/**
 * What an accepted change became.
 *
 * @param key the record key
 * @param type the event type published
 * @param revision the change's revision
 * @param replayed whether this answers a retry of an earlier request with the same
 * idempotency key, in which case nothing new was published
 */
public record Published(String key, EventType type, long revision, boolean replayed) {
}
