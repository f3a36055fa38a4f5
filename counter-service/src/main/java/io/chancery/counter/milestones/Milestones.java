package io.chancery.counter.milestones;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;

/** Which milestones of a counter fall on or before a date. */
final class Milestones {

	private Milestones() {
	}

	/**
	 * The milestones of a "since" counter reached between {@code earliest} and
	 * {@code today}, both included. Stopped counters reach nothing after they stopped;
	 * countdowns have no milestones.
	 */
	static List<Milestone> reached(Event event, LocalDate today, LocalDate earliest, List<Integer> defaults) {
		CounterDefinition counter = event.counter();
		if (counter == null || counter.direction() != CounterDefinition.Direction.SINCE) {
			return List.of();
		}
		LocalDate start = (counter.countFrom() != null) ? counter.countFrom() : event.date();
		LocalDate end = (counter.stoppedOn() != null && counter.stoppedOn().isBefore(today)) ? counter.stoppedOn()
				: today;
		List<Milestone> reached = new ArrayList<>();
		for (int days : (counter.milestones() != null) ? counter.milestones() : defaults) {
			add(reached, "days-" + days, start.plusDays(days), start, earliest, end);
		}
		if (counter.anniversaries()) {
			long years = ChronoUnit.YEARS.between(start, end);
			for (long year = Math.max(1, years - 1); year <= years; year++) {
				add(reached, "anniversary-" + year, start.plusYears(year), start, earliest, end);
			}
		}
		return reached;
	}

	private static void add(List<Milestone> reached, String name, LocalDate on, LocalDate start, LocalDate earliest,
			LocalDate end) {
		if (!on.isBefore(earliest) && !on.isAfter(end)) {
			reached.add(new Milestone(name, on, ChronoUnit.DAYS.between(start, on)));
		}
	}

	/**
	 * One milestone.
	 *
	 * @param name its stable name: {@code days-1000}, {@code anniversary-3}
	 * @param reachedOn the local date it falls on
	 * @param days the counter's value that day
	 */
	record Milestone(String name, LocalDate reachedOn, long days) {
	}

}
