/**
 * Keeps Elasticsearch in step with the source topics: batches from Kafka written with
 * bulk requests, each document versioned externally by its revision so redeliveries and
 * replays never regress it, withdrawals kept as versioned tombstones, transient failures
 * retried until Elasticsearch accepts.
 */
@NullMarked
package io.chancery.search.indexing;

import org.jspecify.annotations.NullMarked;
