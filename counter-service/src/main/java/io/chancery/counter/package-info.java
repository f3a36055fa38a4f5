/**
 * Keeps days-since counters and world clocks, exact at each local midnight.
 */
@NullMarked
package io.chancery.counter;

import org.jspecify.annotations.NullMarked;
