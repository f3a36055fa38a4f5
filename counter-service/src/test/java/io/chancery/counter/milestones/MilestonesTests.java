package io.chancery.counter.milestones;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MilestonesTests {

	private static final LocalDate START = LocalDate.of(2020, 2, 29);

	@Test
	void dayMilestonesAndAnniversariesWithinTheWindow() {
		Event event = event(List.of(100, 366), true, null);
		assertThat(Milestones.reached(event, LocalDate.of(2021, 3, 1), LocalDate.of(2021, 2, 20), List.of()))
			.extracting(Milestones.Milestone::name)
			.containsExactlyInAnyOrder("days-366", "anniversary-1");
		assertThat(Milestones.reached(event, LocalDate.of(2020, 6, 8), LocalDate.of(2020, 6, 1), List.of()))
			.singleElement()
			.satisfies((milestone) -> {
				assertThat(milestone.name()).isEqualTo("days-100");
				assertThat(milestone.reachedOn()).isEqualTo(LocalDate.of(2020, 6, 8));
			});
	}

	@Test
	void stoppedCountersReachNothingAfterTheyStopped() {
		Event event = event(List.of(100), false, LocalDate.of(2020, 3, 31));
		assertThat(Milestones.reached(event, LocalDate.of(2020, 6, 8), LocalDate.of(2020, 6, 1), List.of())).isEmpty();
	}

	private static Event event(List<Integer> milestones, boolean anniversaries, LocalDate stoppedOn) {
		return new Event("e", "en", 1, ContentStatus.PUBLISHED, START, "Europe/London", "t", null, null,
				new CounterDefinition("c", "Europe/London", CounterDefinition.Direction.SINCE, null, stoppedOn,
						milestones, anniversaries),
				null, null, Instant.EPOCH);
	}

}
