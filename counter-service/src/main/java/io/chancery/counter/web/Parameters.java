package io.chancery.counter.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.chancery.web.InvalidParameter;
import io.chancery.web.Locales;
import org.jspecify.annotations.Nullable;

/** Parses the parameters of the read routes, refusing what cannot be evaluated. */
public final class Parameters {

	static final List<String> INSTANT_FORMS = List.of("2021-03-01T00:00:00Z", "2021-03-01T03:00:00+03:00",
			"an ISO-8601 instant between 1900 and 2199");

	static final List<String> ZONE_FORMS = List.of("Europe/Moscow", "UTC",
			"IANA time zone ids, comma-separated, at most 20");

	private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

	private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

	private Parameters() {
	}

	/** The instant {@code at} names, now if absent. */
	public static Instant at(@Nullable String at, Clock clock) {
		if (at == null || at.isBlank()) {
			return clock.instant();
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(at.strip()).toInstant();
		}
		catch (DateTimeException ex) {
			throw new InvalidParameter("at", "names '" + shorten(at) + "', which is not an instant", INSTANT_FORMS);
		}
		if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
			throw new InvalidParameter("at", "names '" + shorten(at) + "', which is out of range", INSTANT_FORMS);
		}
		return instant;
	}

	public static ZoneId zone(String zone, String parameter) {
		if (!zone.equals("UTC") && !ZONES.contains(zone)) {
			throw new InvalidParameter(parameter, "names '" + shorten(zone) + "', which is not a time zone",
					ZONE_FORMS);
		}
		return ZoneId.of(zone);
	}

	public static List<ZoneId> zones(@Nullable String zones) {
		List<ZoneId> parsed = new ArrayList<>();
		if (zones == null || zones.isBlank()) {
			return parsed;
		}
		String[] names = zones.split(",");
		if (names.length > 20) {
			throw new InvalidParameter("zones", "names more than 20 zones", ZONE_FORMS);
		}
		for (String name : names) {
			parsed.add(zone(name.strip(), "zones"));
		}
		return parsed;
	}

	public static String locale(@Nullable String locale, Set<String> supported) {
		return Locales.chosen(locale, "en", supported);
	}

	private static String shorten(String value) {
		return (value.length() > 60) ? value.substring(0, 60) + "…" : value;
	}

}
