/**
 * Follows the compacted source topics from their beginning into the counter registry.
 * Every replica reads every partition (no consumer group), since each serves all
 * counters; the service is not ready until it has caught up.
 */
@NullMarked
package io.chancery.counter.source;

import org.jspecify.annotations.NullMarked;
