/**
 * Elasticsearch used directly, as the peer: peer indices with the content template's
 * settings and mappings, raw {@code _bulk} loads and counts.
 */
@NullMarked
package io.chancery.benchmarks.elasticsearch;

import org.jspecify.annotations.NullMarked;
