/**
 * Bulk import of a back catalog as NDJSON: streamed line by line in bounded memory,
 * published in pipelined batches, each line accepted or rejected with its number and
 * reason, progress visible while it runs.
 */
@NullMarked
package io.chancery.ingest.imports;

import org.jspecify.annotations.NullMarked;
