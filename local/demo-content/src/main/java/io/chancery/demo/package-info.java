/**
 * The demo catalog: an invented institution's articles, events, counters and site details
 * in English and Russian, generated deterministically from a seed and an end date,
 * written as the NDJSON lines that ingest-service's import accepts.
 */
@NullMarked
package io.chancery.demo;

import org.jspecify.annotations.NullMarked;
