/**
 * Dated events of "Latest events" and the "days since" counters attached to them, as
 * editors create, replace and withdraw them.
 */
@NullMarked
package io.chancery.ingest.events;

import org.jspecify.annotations.NullMarked;
