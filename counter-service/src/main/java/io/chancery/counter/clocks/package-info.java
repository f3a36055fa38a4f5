/**
 * Clocks for the site's cities and any zone a caller names: local time, offset,
 * abbreviation, daylight saving, and the next offset change, so that a page can tick on
 * its own without drifting at a switch.
 */
@NullMarked
package io.chancery.counter.clocks;

import org.jspecify.annotations.NullMarked;
