/**
 * The arithmetic of counters: calendar days between a date and "today" in a zone, so that
 * a count turns exactly at that zone's midnight, and the words that go with a number in
 * English and Russian.
 */
@NullMarked
package io.chancery.counter.counting;

import org.jspecify.annotations.NullMarked;
