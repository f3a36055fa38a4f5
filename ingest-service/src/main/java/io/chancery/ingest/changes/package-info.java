/**
 * The change workflow every kind of content shares: create, replace and withdraw with the
 * editor's conditions (If-Match, Idempotency-Key and the request's fingerprint),
 * validation before anything is published, and the answer after Kafka committed.
 */
@NullMarked
package io.chancery.ingest.changes;

import org.jspecify.annotations.NullMarked;
