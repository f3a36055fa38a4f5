package io.chancery.search.reading;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.chancery.search.query.QueryNode;
import io.chancery.search.query.QueryParser;
import io.chancery.search.query.QuerySyntaxException;
import io.chancery.web.InvalidParameter;
import io.chancery.web.Locales;
import org.jspecify.annotations.Nullable;

/**
 * Turns request parameters into a {@link SearchQuery}, refusing anything unknown,
 * malformed or too expensive with a 400 that says what is accepted.
 */
final class SearchParameters {

	/** Largest page size. */
	static final int MAX_SIZE = 100;

	/** How deep page numbers may go; beyond it, the cursor pages. */
	static final int MAX_WINDOW = 10_000;

	static final int DEFAULT_SIZE = 20;

	private static final int MAX_VALUES = 20;

	private static final int MAX_VALUE_LENGTH = 200;

	private final Map<String, List<String>> raw;

	private final Set<String> allowed;

	private SearchParameters(Map<String, List<String>> raw, Set<String> allowed) {
		this.raw = raw;
		this.allowed = allowed;
	}

	static SearchParameters of(Map<String, String[]> parameters, Set<String> allowed) {
		Map<String, List<String>> raw = new TreeMap<>();
		parameters.forEach((name, values) -> raw.put(name, List.of(values)));
		return new SearchParameters(raw, allowed);
	}

	static SearchParameters ofCanonical(Map<String, List<String>> parameters, Set<String> allowed) {
		return new SearchParameters(new TreeMap<>(parameters), allowed);
	}

	/**
	 * The query.
	 * @param fixed filters the route imposes, such as {@code type=article}
	 * @param defaultZone the zone when none is given
	 * @param locales the site's locales, the only values a locale filter may name
	 */
	SearchQuery query(Map<Dimension, List<String>> fixed, ZoneId defaultZone, Collection<String> locales) {
		for (String name : this.raw.keySet()) {
			if (!this.allowed.contains(name)) {
				throw new InvalidParameter(name, "is not a parameter of this route", sorted(this.allowed));
			}
		}
		String text = single("q");
		QueryNode query = null;
		if (text != null && !text.isBlank()) {
			try {
				query = QueryParser.parse(text);
			}
			catch (QuerySyntaxException ex) {
				throw new InvalidParameter("q", ex.getMessage(), List.of("words", "\"a phrase\"", "prefix*", "AND",
						"OR", "NOT or -word", "( )", "at most " + QueryParser.MAX_LENGTH + " characters"));
			}
		}
		Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
		Map<Dimension, List<String>> rejects = new EnumMap<>(Dimension.class);
		filters.putAll(fixed);
		for (Dimension dimension : Dimension.values()) {
			if (!fixed.containsKey(dimension)) {
				List<String> values = values(dimension.parameter());
				if (!values.isEmpty()) {
					filters.put(dimension, values);
				}
			}
			List<String> rejected = values("reject-" + dimension.parameter());
			if (!rejected.isEmpty()) {
				rejects.put(dimension, rejected);
			}
		}
		// A locale the site does not publish in is a mistake, not a filter that matches
		// nothing.
		for (Map<Dimension, List<String>> named : List.of(filters, rejects)) {
			for (String locale : named.getOrDefault(Dimension.LOCALE, List.of())) {
				if (!locales.contains(locale)) {
					throw Locales.unknown((named == filters) ? "locale" : "reject-locale", locale, locales);
				}
			}
		}
		DateField dateField = choice("date-field", (value) -> ParameterValue.of(DateField.class, value),
				ParameterValue.names(DateField.class), DateField.DATE);
		ZoneId zone = zone(defaultZone);
		Instant from = instant("from", zone, false);
		Instant to = instant("to", zone, true);
		Integer year = number("year", 1, 9999);
		Integer month = number("month", 1, 12);
		if (month != null && year == null) {
			throw new InvalidParameter("month", "needs a year", List.of("year=2024&month=6"));
		}
		if (year != null) {
			YearMonth first = YearMonth.of(year, (month != null) ? month : 1);
			YearMonth last = (month != null) ? first : YearMonth.of(year, 12);
			Instant start = first.atDay(1).atStartOfDay(zone).toInstant();
			Instant end = last.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
			from = (from == null || start.isAfter(from)) ? start : from;
			to = (to == null || end.isBefore(to)) ? end : to;
		}
		List<Dimension> facets = new ArrayList<>();
		for (String name : values("facets")) {
			facets.add(ParameterValue.of(Dimension.class, name)
				.orElseThrow(() -> new InvalidParameter("facets", "names an unknown facet '" + name + "'",
						ParameterValue.names(Dimension.class))));
		}
		Interval histogram = choice("histogram", (value) -> ParameterValue.of(Interval.class, value),
				ParameterValue.names(Interval.class), null);
		if (histogram != null) {
			long buckets = histogram.buckets((from != null) ? from : Interval.EARLIEST,
					(to != null) ? to : Interval.LATEST);
			if (buckets > Interval.MAX_BUCKETS) {
				throw new InvalidParameter("histogram",
						"would have up to " + buckets + " " + histogram.parameter() + " buckets, more than "
								+ Interval.MAX_BUCKETS + "; narrow it with from and to, or take a longer interval",
						List.of("at most " + Interval.MAX_BUCKETS + " buckets between from (default "
								+ Interval.EARLIEST + ") and to (default " + Interval.LATEST + ")"));
			}
		}
		Order order = choice("order", (value) -> ParameterValue.of(Order.class, value),
				ParameterValue.names(Order.class), (query != null) ? Order.RELEVANCE : Order.NEWEST);
		Integer size = number("size", 1, MAX_SIZE);
		Integer page = number("page", 1, Integer.MAX_VALUE);
		int pageSize = (size != null) ? size : DEFAULT_SIZE;
		int pageNumber = (page != null) ? page : 1;
		if ((long) pageNumber * pageSize > MAX_WINDOW) {
			throw new InvalidParameter("page",
					"goes beyond the first " + MAX_WINDOW + " results; to page through everything, ask for "
							+ "paging=cursor and follow nextCursor",
					List.of("page * size <= " + MAX_WINDOW, "paging=cursor"));
		}
		String paging = single("paging");
		if (paging != null && !paging.equals("cursor")) {
			throw new InvalidParameter("paging", "accepts only 'cursor'", List.of("cursor"));
		}
		if (paging != null && page != null) {
			throw new InvalidParameter("page", "cannot be combined with paging=cursor", List.of("paging=cursor"));
		}
		Map<String, List<String>> canonical = new LinkedHashMap<>(this.raw);
		canonical.remove("page");
		canonical.remove("paging");
		return new SearchQuery(text, query, filters, rejects, dateField, from, to, zone, List.copyOf(facets), histogram,
				order, pageNumber, pageSize, canonical);
	}

	boolean cursorPaging() {
		return "cursor".equals(single("paging"));
	}

	private ZoneId zone(ZoneId defaultZone) {
		String zone = single("zone");
		if (zone == null) {
			return defaultZone;
		}
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new InvalidParameter("zone", "is not a time zone: '" + zone + "'",
					List.of("an IANA zone such as Europe/Moscow", "UTC", "+03:00"));
		}
	}

	private @Nullable Instant instant(String name, ZoneId zone, boolean endOfDay) {
		String value = single(name);
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameter(name, "is not a date: '" + value + "'",
					List.of("2024-06-12 (a whole day in 'zone')", "2024-06-12T09:30:00+03:00"));
		}
	}

	private @Nullable Integer number(String name, int min, int max) {
		String value = single(name);
		if (value == null) {
			return null;
		}
		try {
			int number = Integer.parseInt(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Answered below.
		}
		throw new InvalidParameter(name, "must be a whole number from " + min + " to " + max,
				List.of(min + ".." + max));
	}

	private <T> @Nullable T choice(String name, java.util.function.Function<String, java.util.Optional<T>> parse,
			List<String> names, @Nullable T fallback) {
		String value = single(name);
		if (value == null) {
			return fallback;
		}
		return parse.apply(value)
			.orElseThrow(() -> new InvalidParameter(name, "does not accept '" + value + "'", names));
	}

	private @Nullable String single(String name) {
		List<String> values = this.raw.getOrDefault(name, List.of());
		if (values.size() > 1) {
			throw new InvalidParameter(name, "is given more than once", List.of("one value"));
		}
		if (values.isEmpty()) {
			return null;
		}
		String value = values.get(0);
		if (!name.equals("q") && value.length() > MAX_VALUE_LENGTH) {
			throw new InvalidParameter(name, "is longer than " + MAX_VALUE_LENGTH + " characters", List.of());
		}
		return value;
	}

	/** Repeated or comma-separated values, without blanks and duplicates. */
	private List<String> values(String name) {
		Set<String> values = new LinkedHashSet<>();
		for (String value : this.raw.getOrDefault(name, List.of())) {
			for (String part : value.split(",")) {
				String trimmed = part.strip();
				if (trimmed.length() > MAX_VALUE_LENGTH) {
					throw new InvalidParameter(name, "has a value longer than " + MAX_VALUE_LENGTH + " characters",
							List.of());
				}
				if (!trimmed.isEmpty()) {
					values.add(trimmed);
				}
			}
		}
		if (values.size() > MAX_VALUES) {
			throw new InvalidParameter(name, "has more than " + MAX_VALUES + " values", List.of());
		}
		return List.copyOf(values);
	}

	private static List<String> sorted(Collection<String> names) {
		return names.stream().sorted().toList();
	}

}
