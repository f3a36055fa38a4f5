package io.chancery.ingest.events;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import io.chancery.ingest.validation.ContentProperties;
import io.chancery.ingest.validation.InvalidContent;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventChangesTests {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final EventChanges changes = new EventChanges(
			new ContentProperties(List.of("en", "ru"), DataSize.ofMegabytes(1), DataSize.ofMegabytes(1)),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void anEventWithItsCounterIsValidAndPublishedCleaned() {
		EventRequest request = request(LocalDate.of(2020, 2, 29),
				new EventRequest.CounterRequest("days have passed since <b>the incident</b>", "Europe/London", null,
						null, null, List.of(100, 500), true));
		this.changes.validate(request, "incident", "en");

		Event event = this.changes.event(request, "incident", "en", 3);
		assertThat(event.revision()).isEqualTo(3);
		assertThat(event.status()).isEqualTo(ContentStatus.PUBLISHED);
		assertThat(event.title()).isEqualTo("The incident");
		CounterDefinition counter = Objects.requireNonNull(event.counter());
		assertThat(counter.caption()).isEqualTo("days have passed since the incident");
		// No direction given: a counter counts the days since its date.
		assertThat(counter.direction()).isEqualTo(CounterDefinition.Direction.SINCE);
		assertThat(counter.milestones()).containsExactly(100, 500);
		assertThat(counter.anniversaries()).isTrue();
		assertThat(event.updatedAt()).isEqualTo(NOW);
	}

	@Test
	void everyBrokenRuleOfTheEventAndItsCounterIsNamedAtOnce() {
		EventRequest request = new EventRequest(null, null, LocalDate.of(999, 12, 31), "Mars/Olympus", "<i></i>", null,
				"Not An Id", new EventRequest.CounterRequest("", "Nowhere/City", "sideways", LocalDate.of(10_000, 1, 1),
						null, List.of(0), null),
				null, null, null, null);

		assertThatExceptionOfType(InvalidContent.class)
			.isThrownBy(() -> this.changes.validate(request, "Not An Id", "de"))
			.satisfies((invalid) -> assertThat(invalid.violations()).extracting(InvalidContent.Violation::field)
				.contains("id", "locale", "date", "timeZone", "title", "relatedArticleId", "counter.caption",
						"counter.timeZone", "counter.direction", "counter.countFrom", "counter.milestones"));
	}

	@Test
	void anEventNeedsADate() {
		assertThatExceptionOfType(InvalidContent.class)
			.isThrownBy(() -> this.changes.validate(request(null, null), "incident", "en"))
			.satisfies((invalid) -> assertThat(invalid.violations()).extracting(InvalidContent.Violation::field)
				.containsExactly("date"));
	}

	private static EventRequest request(LocalDate date, EventRequest.CounterRequest counter) {
		return new EventRequest("incident", "en", date, "Europe/London", "The <em>incident</em>", "A lead", null,
				counter, null, null, null, null);
	}

}
