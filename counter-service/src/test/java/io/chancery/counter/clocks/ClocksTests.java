package io.chancery.counter.clocks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClocksTests {

	@Test
	void londonBeforeItsSpringChangeKnowsWhenAndToWhat() {
		ClockReading london = Clocks.read("London", ZoneId.of("Europe/London"), Instant.parse("2026-03-29T00:59:59Z"),
				Locale.ENGLISH);
		assertThat(london.utcOffset()).isEqualTo("+00:00");
		assertThat(london.abbreviation()).isEqualTo("GMT");
		assertThat(london.daylightSaving()).isFalse();
		assertThat(london.nextChange().at()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
		assertThat(london.nextChange().utcOffsetAfter()).isEqualTo("+01:00");
		ClockReading summer = Clocks.read("London", ZoneId.of("Europe/London"), Instant.parse("2026-03-29T01:00:00Z"),
				Locale.ENGLISH);
		assertThat(summer.abbreviation()).isEqualTo("BST");
		assertThat(summer.daylightSaving()).isTrue();
		assertThat(summer.localDateTime()).hasToString("2026-03-29T02:00");
	}

	@Test
	void moscowHasNoChangeAheadAndKathmanduAQuarterHour() {
		ClockReading moscow = Clocks.read("Москва", ZoneId.of("Europe/Moscow"), Instant.parse("2026-11-29T12:00:00Z"),
				Locale.forLanguageTag("ru"));
		assertThat(moscow.utcOffset()).isEqualTo("+03:00");
		assertThat(moscow.localDateTime()).hasToString("2026-11-29T15:00");
		assertThat(moscow.nextChange()).isNull();
		assertThat(Clocks
			.read("Kathmandu", ZoneId.of("Asia/Kathmandu"), Instant.parse("2026-11-29T12:00:00Z"), Locale.ENGLISH)
			.utcOffset()).isEqualTo("+05:45");
	}

}
