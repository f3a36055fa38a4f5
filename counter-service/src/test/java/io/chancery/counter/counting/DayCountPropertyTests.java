package io.chancery.counter.counting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over every zone of the tz database and thousands of instants around local midnights and
 * offset changes, the count agrees with an independent computation (java.util's
 * GregorianCalendar and its own zone implementation), and it changes by exactly one at
 * each local midnight and nowhere else.
 */
class DayCountPropertyTests {

	private static final long SEED = 20261129L;

	private static final Instant FROM = Instant.parse("1990-01-01T00:00:00Z");

	private static final Instant TO = Instant.parse("2037-01-01T00:00:00Z");

	@Test
	void agreesWithGregorianCalendarInEveryZone() {
		Random random = new Random(SEED);
		Set<String> legacyIds = Set.of(TimeZone.getAvailableIDs());
		LocalDate start = LocalDate.of(1989, 12, 31);
		int checked = 0;
		for (String id : ZoneId.getAvailableZoneIds()) {
			if (!legacyIds.contains(id)) {
				continue;
			}
			ZoneId zone = ZoneId.of(id);
			for (Instant instant : samples(zone, random)) {
				long expected = calendarDate(id, instant).toEpochDay() - start.toEpochDay();
				assertThat(DayCount.since(start, instant, zone, null)).as("%s at %s", id, instant).isEqualTo(expected);
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(20_000);
	}

	@Test
	void changesByExactlyOneAtEachLocalMidnightAndNowhereElse() {
		Random random = new Random(SEED + 1);
		LocalDate start = LocalDate.of(1980, 1, 1);
		List<String> skippedDates = new ArrayList<>();
		int checked = 0;
		for (String id : ZoneId.getAvailableZoneIds()) {
			ZoneId zone = ZoneId.of(id);
			for (Instant instant : samples(zone, random)) {
				Instant midnight = DayCount.nextMidnight(instant, zone);
				long before = DayCount.since(start, midnight.minusNanos(1), zone, null);
				assertThat(DayCount.since(start, instant, zone, null)).as("%s at %s", id, instant).isEqualTo(before);
				// One day, except where a zone crossed the date line and skipped a date
				// (Samoa, Tokelau in 2011).
				long datesAdvanced = DayCount.today(midnight, zone).toEpochDay()
						- DayCount.today(midnight.minusNanos(1), zone).toEpochDay();
				assertThat(DayCount.since(start, midnight, zone, null)).as("%s at %s", id, midnight)
					.isEqualTo(before + datesAdvanced);
				if (datesAdvanced != 1) {
					skippedDates.add(id + " " + midnight);
				}
				assertThat(midnight).as("%s at %s", id, instant).isAfter(instant);
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(20_000);
	}

	/**
	 * Random instants, plus instants around local midnights and around every offset
	 * change near them.
	 */
	private static List<Instant> samples(ZoneId zone, Random random) {
		List<Instant> samples = new ArrayList<>();
		ZoneRules rules = zone.getRules();
		for (int i = 0; i < 12; i++) {
			Instant instant = FROM
				.plusSeconds((long) (random.nextDouble() * (TO.getEpochSecond() - FROM.getEpochSecond())));
			samples.add(instant);
			Instant midnight = DayCount.nextMidnight(instant, zone);
			samples.add(midnight.minusMillis(1));
			samples.add(midnight);
			ZoneOffsetTransition transition = rules.nextTransition(instant);
			if (transition != null && transition.getInstant().isBefore(TO)) {
				samples.add(transition.getInstant().minusMillis(1));
				samples.add(transition.getInstant());
				samples.add(transition.getInstant().plusSeconds(1));
			}
		}
		return samples;
	}

	private static LocalDate calendarDate(String zone, Instant instant) {
		GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
		calendar.setGregorianChange(new Date(Long.MIN_VALUE));
		calendar.setTimeInMillis(instant.toEpochMilli());
		return LocalDate.of(calendar.get(Calendar.YEAR), calendar.get(Calendar.MONTH) + 1,
				calendar.get(Calendar.DAY_OF_MONTH));
	}

}
