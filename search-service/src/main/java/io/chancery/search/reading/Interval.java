package io.chancery.search.reading;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;

/** A date histogram's bucket width. */
enum Interval {

	DAY("day", CalendarInterval.Day), WEEK("week", CalendarInterval.Week), MONTH("month", CalendarInterval.Month),
	YEAR("year", CalendarInterval.Year);

	private final String parameter;

	private final CalendarInterval calendar;

	Interval(String parameter, CalendarInterval calendar) {
		this.parameter = parameter;
		this.calendar = calendar;
	}

	String parameter() {
		return this.parameter;
	}

	CalendarInterval calendar() {
		return this.calendar;
	}

	static Optional<Interval> of(String parameter) {
		return Arrays.stream(values()).filter((interval) -> interval.parameter.equals(parameter)).findFirst();
	}

	static List<String> names() {
		return Arrays.stream(values()).map(Interval::parameter).toList();
	}

}
