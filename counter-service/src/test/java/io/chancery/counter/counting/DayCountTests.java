package io.chancery.counter.counting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples a reader would check by hand. */
class DayCountTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Test
	void leapDayEventTurns366AtLondonMidnightNotBefore() {
		LocalDate event = LocalDate.of(2020, 2, 29);
		Instant midnight = LocalDateTime.of(2021, 3, 1, 0, 0).atZone(LONDON).toInstant();
		assertThat(DayCount.since(event, midnight, LONDON, null)).isEqualTo(366);
		assertThat(DayCount.since(event, midnight.minusSeconds(60), LONDON, null)).isEqualTo(365);
	}

	@Test
	void countTurnsAtTheCountersMidnightNotAtUtcMidnight() {
		ZoneId moscow = ZoneId.of("Europe/Moscow");
		LocalDate event = LocalDate.of(2024, 1, 1);
		// 21:00 UTC is already midnight in Moscow (UTC+3).
		assertThat(DayCount.since(event, Instant.parse("2024-01-10T20:59:59Z"), moscow, null)).isEqualTo(9);
		assertThat(DayCount.since(event, Instant.parse("2024-01-10T21:00:00Z"), moscow, null)).isEqualTo(10);
	}

	@Test
	void unusualOffsetsTurnAtTheirOwnMidnight() {
		LocalDate event = LocalDate.of(2023, 6, 1);
		ZoneId kathmandu = ZoneId.of("Asia/Kathmandu");
		assertThat(DayCount.since(event, Instant.parse("2023-06-01T18:14:59Z"), kathmandu, null)).isZero();
		assertThat(DayCount.since(event, Instant.parse("2023-06-01T18:15:00Z"), kathmandu, null)).isEqualTo(1);
		ZoneId chatham = ZoneId.of("Pacific/Chatham");
		Instant chathamMidnight = LocalDateTime.of(2023, 12, 25, 0, 0).atZone(chatham).toInstant();
		assertThat(DayCount.since(LocalDate.of(2023, 12, 24), chathamMidnight, chatham, null)).isEqualTo(1);
		assertThat(DayCount.since(LocalDate.of(2023, 12, 24), chathamMidnight.minusNanos(1), chatham, null)).isZero();
	}

	@Test
	void daylightSavingDaysAreStillOneDay() {
		LocalDate event = LocalDate.of(2024, 3, 30);
		ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
		// Lord Howe moves by half an hour; its days around the change are 23.5 and 24.5
		// hours long.
		Instant april7 = LocalDateTime.of(2024, 4, 7, 0, 0).atZone(lordHowe).toInstant();
		assertThat(DayCount.since(event, april7, lordHowe, null)).isEqualTo(8);
		assertThat(DayCount.since(event, april7.minusNanos(1), lordHowe, null)).isEqualTo(7);
		Instant londonSpring = LocalDateTime.of(2024, 3, 31, 0, 0).atZone(LONDON).toInstant();
		assertThat(DayCount.nextMidnight(londonSpring, LONDON)).isEqualTo(Instant.parse("2024-03-31T23:00:00Z"));
	}

	@Test
	void aZoneThatSkipsMidnightStartsItsDayAtTheFirstInstantThatExists() {
		// Santiago's clocks went from 23:59:59 to 01:00 on 2022-09-11.
		ZoneId santiago = ZoneId.of("America/Santiago");
		Instant lastSecond = Instant.parse("2022-09-11T03:59:59Z");
		assertThat(DayCount.today(lastSecond, santiago)).isEqualTo(LocalDate.of(2022, 9, 10));
		assertThat(DayCount.nextMidnight(lastSecond, santiago)).isEqualTo(Instant.parse("2022-09-11T04:00:00Z"));
	}

	@Test
	void stoppedCounterFreezesAndCountdownCountsDown() {
		LocalDate start = LocalDate.of(2020, 1, 1);
		Instant later = Instant.parse("2025-01-01T12:00:00Z");
		assertThat(DayCount.since(start, later, ZoneId.of("UTC"), LocalDate.of(2020, 1, 31))).isEqualTo(30);
		assertThat(DayCount.until(LocalDate.of(2025, 1, 11), later, ZoneId.of("UTC"))).isEqualTo(10);
	}

}
