package io.chancery.gateway.website;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The archive as its page shows it: every message newest first, narrowed to a year or a
 * month, numbered pages, and the months that have messages.
 *
 * @param heading what the page shows: everything, a year or a month
 * @param years the years and months with messages, newest first; {@code null} when
 * search-service did not answer
 * @param allHref the archive without a period
 * @param allCurrent whether that is this page
 * @param count how many messages the period has; {@code null} when search-service did not
 * answer
 * @param start the number of the page's first message
 * @param results the page's messages
 * @param pager the other pages
 */
public record ArchiveView(String heading, @Nullable List<Year> years, String allHref, boolean allCurrent,
		@Nullable String count, int start, List<ResultLine> results, Pager pager) {

	/** Results a page. */
	static final int PAGE_SIZE = 20;

	/** Page numbers reach this many results; years and months reach the rest. */
	static final int WINDOW = 10_000;

	/**
	 * @param period the year and month asked for
	 * @param months search-service's months with messages, or {@code null}
	 * @param answer its page of the archive, or {@code null}
	 */
	static ArchiveView of(Period period, @Nullable JsonNode months, @Nullable JsonNode answer, Words.In words,
			ZoneId zone, String defaultLocale) {
		String heading = words.t("archive.heading.all");
		if (period.year() != null && period.month() != null) {
			heading = words.t("archive.heading.month",
					Map.of("month", monthName(period.year(), period.month(), words.locale(), "LLLL y")));
		}
		else if (period.year() != null) {
			heading = words.t("archive.heading.year", Map.of("year", String.valueOf(period.year())));
		}
		List<ResultLine> results = new ArrayList<>();
		Pager pager = new Pager(List.of());
		String count = null;
		if (answer != null) {
			answer.path("results")
				.forEach((result) -> results.add(ResultLine.of(result, words, zone, defaultLocale, false)));
			count = words.count("archive.count", answer.path("total").asLong(0));
			int pages = Math.min(answer.path("pages").asInt(1), WINDOW / PAGE_SIZE);
			pager = Pager.of(period.page(), pages,
					(number) -> period.link(period.year(), period.month(), number, words.locale(), defaultLocale),
					words);
		}
		return new ArchiveView(heading, (months != null) ? years(months, period, words, defaultLocale) : null,
				period.link(null, null, 1, words.locale(), defaultLocale), period.year() == null, count,
				(period.page() - 1) * PAGE_SIZE + 1, List.copyOf(results), pager);
	}

	private static List<Year> years(JsonNode months, Period period, Words.In words, String defaultLocale) {
		Map<Integer, List<JsonNode>> byYear = new LinkedHashMap<>();
		months.forEach(
				(entry) -> byYear.computeIfAbsent(entry.path("year").asInt(), (year) -> new ArrayList<>()).add(entry));
		List<Year> years = new ArrayList<>();
		byYear.forEach((year, entries) -> {
			long total = 0;
			List<Month> shown = new ArrayList<>();
			for (JsonNode entry : entries) {
				int month = entry.path("month").asInt();
				long count = entry.path("count").asLong();
				total += count;
				shown.add(new Month(monthName(year, month, words.locale(), "LLL"),
						period.link(year, month, 1, words.locale(), defaultLocale),
						monthName(year, month, words.locale(), "LLLL y") + ": " + words.count("archive.count", count),
						year.equals(period.year()) && Integer.valueOf(month).equals(period.month()),
						words.number(count)));
			}
			years.add(new Year(String.valueOf(year), period.link(year, null, 1, words.locale(), defaultLocale),
					year.equals(period.year()) && period.month() == null, " (" + words.number(total) + ")",
					List.copyOf(shown)));
		});
		return List.copyOf(years);
	}

	private static String monthName(int year, int month, String locale, String pattern) {
		return YearMonth.of(year, month).format(DateTimeFormatter.ofPattern(pattern, Words.formatting(locale)));
	}

	/**
	 * The period and page asked for, as the archive's address says; a value out of range
	 * is ignored.
	 *
	 * @param year a year
	 * @param month a month of that year
	 * @param page the page
	 */
	record Period(@Nullable Integer year, @Nullable Integer month, int page) {

		static Period of(@Nullable String year, @Nullable String month, @Nullable String page) {
			Integer y = whole(year, 1, 9999);
			Integer m = (y != null) ? whole(month, 1, 12) : null;
			Integer p = whole(page, 1, WINDOW / PAGE_SIZE);
			return new Period(y, m, (p != null) ? p : 1);
		}

		String link(@Nullable Integer year, @Nullable Integer month, int page, String locale, String defaultLocale) {
			List<String> parameters = new ArrayList<>();
			if (year != null) {
				parameters.add("year=" + year);
			}
			if (month != null) {
				parameters.add("month=" + month);
			}
			if (page > 1) {
				parameters.add("page=" + page);
			}
			String path = parameters.isEmpty() ? "/archive" : "/archive?" + String.join("&", parameters);
			return Page.link(path, locale, defaultLocale);
		}

		private static @Nullable Integer whole(@Nullable String value, int min, int max) {
			try {
				int number = Integer.parseInt((value != null) ? value.trim() : "");
				return (number >= min && number <= max) ? number : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

	/**
	 * @param label the year
	 * @param href its messages
	 * @param current whether they are this page
	 * @param count how many it has, written
	 * @param months its months with messages
	 */
	public record Year(String label, String href, boolean current, String count, List<Month> months) {
	}

	/**
	 * @param name the month's short name
	 * @param href its messages
	 * @param label what a screen reader says: the month and its count
	 * @param current whether they are this page
	 * @param count how many it has, written
	 */
	public record Month(String name, String href, String label, boolean current, String count) {
	}

}
