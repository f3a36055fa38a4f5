package io.chancery.gateway.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** How long a public answer may be cached. */
public final class Freshness {

	private Freshness() {
	}

	/**
	 * Up to {@code limit}, but never past the next midnight in {@code zone}, when
	 * counters and "today" change.
	 */
	public static String untilMidnight(Instant now, ZoneId zone, Duration limit) {
		ZonedDateTime midnight = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone);
		long seconds = Math.min(limit.toSeconds(), Duration.between(now, midnight.toInstant()).toSeconds());
		return (seconds > 0) ? "public, max-age=" + seconds : "no-cache";
	}

	public static String forSeconds(long seconds) {
		return "public, max-age=" + seconds;
	}

}
