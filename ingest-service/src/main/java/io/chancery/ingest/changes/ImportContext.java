package io.chancery.ingest.changes;

import java.time.Instant;

/**
 * What the lines of one import share: the import they belong to, for the editorial record
 * of each change.
 *
 * @param importId the import's id, as the caller gave it in {@code Import-Id} (or the
 * replica that received the import, when it passed these lines on)
 * @param at when the import started
 */
public record ImportContext(String importId, Instant at) {
}
