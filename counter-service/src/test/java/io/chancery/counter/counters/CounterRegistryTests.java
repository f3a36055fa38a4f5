package io.chancery.counter.counters;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CounterRegistryTests {

	private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

	private final List<Object> announced = new ArrayList<>();

	private final CounterRegistry registry = new CounterRegistry(this.announced::add, Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aDraftsCounterCountsForNobodyUntilTheDraftIsPublished() {
		this.registry.markCaughtUp();
		this.registry.apply(event(1, ContentStatus.DRAFT));

		assertThat(this.registry.counters("en", NOW)).isEmpty();
		assertThat(this.registry.definitions(NOW)).isEmpty();
		assertThat(this.announced).as("not news").isEmpty();

		this.registry.apply(event(2, ContentStatus.PUBLISHED));

		assertThat(this.registry.counters("en", NOW)).extracting(Event::revision).containsExactly(2L);
		assertThat(this.announced).as("news now")
			.anySatisfy((announcement) -> assertThat(announcement.toString()).startsWith("EventChanged[id=incident"));
	}

	private static Event event(long revision, ContentStatus status) {
		return new Event("incident", "en", revision, status, LocalDate.of(2020, 2, 29), "Europe/London", "The incident",
				null, null, new CounterDefinition("days since the incident", "Europe/London",
						CounterDefinition.Direction.SINCE, null, null, List.of(), false),
				null, null, NOW);
	}

}
