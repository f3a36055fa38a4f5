/**
 * Every result of a search, streamed as CSV or NDJSON in bounded memory.
 */
@NullMarked
package io.chancery.search.reading.export;

import org.jspecify.annotations.NullMarked;
