package io.chancery.search.reading;

import java.time.Duration;
import java.time.Instant;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;

/**
 * A date histogram's bucket width. A histogram spans from the search's {@code from} (else
 * {@link #EARLIEST}) to its {@code to} (else {@link #LATEST}) and has at most
 * {@link #MAX_BUCKETS} buckets, so no request can make Elasticsearch build more.
 */
public enum Interval implements ParameterValue {

	DAY("day", CalendarInterval.Day, Duration.ofDays(1)), WEEK("week", CalendarInterval.Week, Duration.ofDays(7)),
	MONTH("month", CalendarInterval.Month, Duration.ofDays(28)),
	YEAR("year", CalendarInterval.Year, Duration.ofDays(365));

	/** Where a histogram without {@code from} starts. */
	static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

	/** Where a histogram without {@code to} ends. */
	static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

	/** The most buckets a histogram may have: a month over the default span fits. */
	static final long MAX_BUCKETS = 4_000;

	private final String parameter;

	private final CalendarInterval calendar;

	/** The shortest a bucket can be, so that counting with it never undercounts. */
	private final Duration shortest;

	Interval(String parameter, CalendarInterval calendar, Duration shortest) {
		this.parameter = parameter;
		this.calendar = calendar;
		this.shortest = shortest;
	}

	/** The most buckets a histogram over this span can have. */
	long buckets(Instant from, Instant to) {
		return Duration.between(from, to).toSeconds() / this.shortest.toSeconds() + 2;
	}

	@Override
	public String parameter() {
		return this.parameter;
	}

	CalendarInterval calendar() {
		return this.calendar;
	}

}
