package io.chancery.counter.counting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * Whole calendar days, counted in one zone. "Today" is the date on the zone's wall clock
 * at the instant asked about, so the count changes at that zone's midnight and nowhere
 * else: daylight saving changes, leap days and offsets such as +05:45 or +13:45 never
 * move it.
 */
public final class DayCount {

	private DayCount() {
	}

	/** The date on the zone's calendar at an instant. */
	public static LocalDate today(Instant at, ZoneId zone) {
		return at.atZone(zone).toLocalDate();
	}

	/**
	 * Days from {@code start} to the zone's date at {@code at}, frozen at
	 * {@code stoppedOn} if given.
	 */
	public static long since(LocalDate start, Instant at, ZoneId zone, @Nullable LocalDate stoppedOn) {
		LocalDate today = today(at, zone);
		LocalDate end = (stoppedOn != null && stoppedOn.isBefore(today)) ? stoppedOn : today;
		return ChronoUnit.DAYS.between(start, end);
	}

	/**
	 * Days from the zone's date at {@code at} to {@code target}; negative once it has
	 * passed.
	 */
	public static long until(LocalDate target, Instant at, ZoneId zone) {
		return ChronoUnit.DAYS.between(today(at, zone), target);
	}

	/**
	 * The instant the zone's next day begins, when a count next changes. Where a zone
	 * skips midnight (a daylight saving change at 00:00), the day begins at the first
	 * instant that exists.
	 */
	public static Instant nextMidnight(Instant at, ZoneId zone) {
		ZonedDateTime next = today(at, zone).plusDays(1).atStartOfDay(zone);
		if (!next.toInstant().isAfter(at)) {
			// The clocks went back across midnight and the wall clock is living the
			// previous date again: the date
			// next changes when it reaches midnight for the second time.
			next = next.withLaterOffsetAtOverlap();
		}
		return next.toInstant();
	}

}
