/**
 * Writing to Kafka, the source of truth: revisions, optimistic concurrency, idempotency
 * keys, and the ledger of what was accepted, rebuilt from the topics at start.
 */
@NullMarked
package io.chancery.ingest.publishing;

import org.jspecify.annotations.NullMarked;
