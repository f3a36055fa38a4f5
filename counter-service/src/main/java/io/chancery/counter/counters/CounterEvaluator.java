package io.chancery.counter.counters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import io.chancery.counter.counting.DayCount;
import io.chancery.counter.counting.DayWords;

/** Evaluates a counter definition at an instant. */
public final class CounterEvaluator {

	private CounterEvaluator() {
	}

	public static CounterView evaluate(Event event, Instant at) {
		CounterDefinition counter = event.counter();
		if (counter == null) {
			throw new IllegalArgumentException("Event " + event.id() + " has no counter");
		}
		ZoneId zone = ZoneId.of(counter.timeZone());
		LocalDate start = (counter.countFrom() != null) ? counter.countFrom() : event.date();
		LocalDate today = DayCount.today(at, zone);
		long value;
		String state;
		Instant next = DayCount.nextMidnight(at, zone);
		if (counter.direction() == CounterDefinition.Direction.UNTIL) {
			long remaining = DayCount.until(start, at, zone);
			value = Math.max(0, remaining);
			state = (remaining > 0) ? "counting" : "reached";
			next = (remaining > 0) ? next : null;
		}
		else if (counter.stoppedOn() != null && !today.isBefore(counter.stoppedOn())) {
			value = DayCount.since(start, at, zone, counter.stoppedOn());
			state = "stopped";
			next = null;
		}
		else if (today.isBefore(start)) {
			value = 0;
			state = "upcoming";
		}
		else {
			value = DayCount.since(start, at, zone, null);
			state = "counting";
		}
		String language = event.locale();
		return new CounterView(event.id(), event.locale(), value, DayWords.days(value, language), counter.caption(),
				DayWords.sentence(value, language, counter.caption()),
				(counter.direction() == CounterDefinition.Direction.UNTIL) ? "until" : "since", state, start,
				counter.stoppedOn(), zone.getId(), today, at, next, event.title());
	}

}
