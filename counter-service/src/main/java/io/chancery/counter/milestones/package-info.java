/**
 * Milestones of counters (100, 500, 1000 days, yearly anniversaries), announced on Kafka
 * exactly once per counter and milestone: the compacted {@code counter-milestones} topic
 * is the record of what was announced, and a single fenced transactional producer writes
 * it, whichever replica holds it.
 */
@NullMarked
package io.chancery.counter.milestones;

import org.jspecify.annotations.NullMarked;
