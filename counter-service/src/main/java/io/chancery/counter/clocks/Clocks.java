package io.chancery.counter.clocks;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;

/** Reads clocks. */
public final class Clocks {

	private Clocks() {
	}

	/** {@code +00:00} rather than {@code Z}, so every offset reads the same way. */
	static String offset(ZoneOffset offset) {
		return (offset.getTotalSeconds() == 0) ? "+00:00" : offset.getId();
	}

	public static ClockReading read(String name, ZoneId zone, Instant at, Locale locale) {
		ZoneRules rules = zone.getRules();
		ZonedDateTime local = at.atZone(zone);
		ZoneOffsetTransition next = rules.nextTransition(at);
		return new ClockReading(name, zone.getId(), local.toLocalDateTime(), offset(local.getOffset()),
				DateTimeFormatter.ofPattern("zzz", locale).format(local), rules.isDaylightSavings(at), (next != null)
						? new ClockReading.OffsetChange(next.getInstant(), offset(next.getOffsetAfter())) : null);
	}

}
