package io.chancery.counter.clocks;

import java.time.Instant;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * What a clock shows at an instant.
 *
 * @param name the city's name, or the zone id when a caller named a zone
 * @param timeZone the IANA zone
 * @param localDateTime the wall-clock date and time there
 * @param utcOffset the offset from UTC, for example {@code +03:00}
 * @param abbreviation the zone's usual abbreviation at that instant, for example
 * {@code BST}
 * @param daylightSaving whether daylight saving time is in force
 * @param nextChange the next offset change, absent if the zone has none ahead
 */
public record ClockReading(String name, String timeZone, LocalDateTime localDateTime, String utcOffset,
		String abbreviation, boolean daylightSaving, @Nullable OffsetChange nextChange) {

	/**
	 * An offset change.
	 *
	 * @param at when it happens
	 * @param utcOffsetAfter the offset from then on
	 */
	public record OffsetChange(Instant at, String utcOffsetAfter) {
	}

}
