package io.chancery.gateway.website;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * The search page as the server renders it: the form as the address fills it, the count
 * and a suggestion, the active filters as chips that remove them, the facets as links
 * that add them, the results with the words found marked, and numbered pages, all plain
 * links and a GET form, so the page works without its script. The script draws the chart
 * from the histogram the page carries and walks past the numbered pages with a cursor.
 *
 * @param query the search
 * @param locale the reader's language
 * @param defaultLocale the site's default language
 * @param words the reader's words
 * @param count how many results, written; {@code null} when there is no answer
 * @param suggestion a correction of the words, when search-service has one
 * @param chips the active filters
 * @param facets the values that narrow the search further
 * @param histogram the chart's data, safe inside a script element
 * @param rangeHref the address that narrows the search to a bar's days, with
 * {@code __from__}, {@code __to__} and {@code __interval__} to replace
 * @param range which results the page shows
 * @param start the number of the first
 * @param results the results
 * @param pager the other pages
 * @param more past the numbered pages
 * @param problem why there are no results, when there is no answer
 * @param restart a link that starts an expired walk over
 */
public record SearchView(SearchQuery query, String locale, String defaultLocale, Words.In words, @Nullable String count,
		@Nullable Suggestion suggestion, List<Chip> chips, List<Facet> facets, @Nullable String histogram,
		String rangeHref, @Nullable String range, int start, List<ResultLine> results, Pager pager, @Nullable More more,
		@Nullable String problem, @Nullable String restart) {

	/** Facets as the API names them, in the order shown. */
	static final List<String> FACETS = List.of("type", "kind", "locale", "person", "tag");

	/** Results a page when walking with the cursor to the end of the numbered window. */
	static final int CURSOR_SIZE = 100;

	private static final JsonMapper json = JsonMapper.builder().build();

	static SearchView of(SearchQuery query, @Nullable JsonNode answer, @Nullable Throwable failure, Words.In words,
			ZoneId zone, String defaultLocale) {
		String locale = words.locale();
		String rangeHref = query.withRange("__from__", "__to__", "__interval__").href(locale, defaultLocale);
		List<Chip> chips = chips(query, words, defaultLocale);
		if (answer == null) {
			String problem = words.t("search.unavailable");
			String restart = null;
			if (failure instanceof WebClientResponseException refused && refused.getStatusCode().value() == 400) {
				if (query.cursor() != null) {
					problem = words.t("search.cursor.expired");
					restart = query.withPage(1).href(locale, defaultLocale);
				}
				else {
					problem = words.t("search.error", Map.of("detail", detail(refused)));
				}
			}
			return new SearchView(query, locale, defaultLocale, words, null, null, chips, List.of(), null, rangeHref,
					null, 1, List.of(), new Pager(List.of()), null, problem, restart);
		}
		List<ResultLine> results = new ArrayList<>();
		answer.path("results")
			.forEach((result) -> results.add(ResultLine.of(result, words, zone, defaultLocale, true)));
		long total = answer.path("total").asLong(0);
		int pageSize = answer.path("pageSize").asInt(query.size());
		int start = (query.cursor() != null) ? query.start() : (query.page() - 1) * pageSize + 1;
		String suggested = ItemView.text(answer, "suggestion", null);
		Pager pager;
		More more = null;
		if (query.cursor() != null) {
			String next = ItemView.text(answer, "nextCursor", null);
			pager = Pager.onward((next != null)
					? query.withCursor(next, start + results.size(), query.size()).href(locale, defaultLocale) : null,
					words.t("search.more.continue"));
		}
		else {
			int lastNumbered = SearchQuery.WINDOW / Math.max(1, pageSize);
			int pages = answer.path("pages").asInt(1);
			pager = Pager.of(query.page(), Math.min(pages, lastNumbered),
					(number) -> query.withPage(number).href(locale, defaultLocale), words);
			if (pages > lastNumbered) {
				String hint = words.t("search.more.hint", Map.of("n", words.number(SearchQuery.WINDOW)));
				more = (query.page() == lastNumbered)
						? new More(hint, null, words.t("search.more", Map.of("n", words.number(SearchQuery.WINDOW))),
								query.api(),
								query.withCursor("__cursor__", 0, CURSOR_SIZE)
									.href(locale, defaultLocale)
									.replace("start=0", "start=__start__"))
						: new More(hint, query.withPage(lastNumbered).href(locale, defaultLocale),
								words.t("search.page", Map.of("n", words.number(lastNumbered))), null, null);
			}
		}
		JsonNode histogram = answer.path("histogram");
		return new SearchView(query, locale, defaultLocale, words, words.count("search.count", total),
				(suggested != null) ? suggestion(suggested, query, words, defaultLocale) : null, chips,
				facets(answer.path("facets"), query, words, defaultLocale),
				histogram.isObject() ? safe(json.writeValueAsString(histogram)) : null, rangeHref,
				results.isEmpty() ? null
						: words.t("search.showing",
								Map.of("first", words.number(start), "last", words.number(start + results.size() - 1L),
										"total", words.number(total))),
				start, List.copyOf(results), pager, more, null, null);
	}

	/** Whether the form's {@code name} field shows {@code value}. */
	public boolean chosen(String name, String value) {
		return value.equals(field(name));
	}

	/** What the form's {@code name} field shows. */
	public String field(String name) {
		return switch (name) {
			case "q" -> orEmpty(this.query.q());
			case "date-field" ->
				(this.query.dateField() != null) ? this.query.dateField() : SearchQuery.DEFAULT_DATE_FIELD;
			case "from" -> day(this.query.from());
			case "to" -> day(this.query.to());
			case "order" -> this.query.shownOrder();
			case "histogram" ->
				(this.query.histogram() != null) ? this.query.histogram() : SearchQuery.DEFAULT_INTERVAL;
			case "person", "tag" -> String.join(", ", this.query.filters().get(name));
			default -> String.join(",", this.query.filters().getOrDefault(name, List.of()));
		};
	}

	/**
	 * The choice a select field needs when several values were chosen from the facets:
	 * kept as one choice; {@code null} when one or none was.
	 */
	public @Nullable Option several(String name) {
		List<String> values = this.query.filters().get(name);
		if (values.size() < 2) {
			return null;
		}
		return new Option(String.join(",", values),
				String.join(", ", values.stream().map((value) -> valueName(name, value, this.words)).toList()));
	}

	/** The languages content can be searched in. */
	public List<Option> languages(List<String> locales) {
		return locales.stream().map((code) -> new Option(code, ResultLine.languageName(code, this.locale))).toList();
	}

	/** The values a facet offers, for the form's suggestions. */
	public List<String> offered(String facet) {
		return this.facets.stream()
			.filter((shown) -> shown.name().equals(facet))
			.flatMap((shown) -> shown.values().stream().map(FacetValue::value))
			.toList();
	}

	/** Whether the filters start folded on a narrow screen: only when none is in use. */
	public boolean filtering() {
		return this.query.filtering();
	}

	/** The export's address in a format. */
	public String export(String format) {
		String parameters = this.query.api();
		return "/api/v1/search/export?" + (parameters.isEmpty() ? "" : parameters + "&") + "format=" + format;
	}

	private static List<Chip> chips(SearchQuery query, Words.In words, String defaultLocale) {
		List<Chip> chips = new ArrayList<>();
		query.filters().forEach((name, values) -> {
			for (String value : values) {
				String label = filterName(name, words) + ": " + valueName(name, value, words);
				chips
					.add(new Chip(label,
							query.withFilter(name, values.stream().filter((other) -> !other.equals(value)).toList())
								.href(words.locale(), defaultLocale),
							words.t("search.remove", Map.of("filter", label))));
			}
		});
		if (query.from() != null) {
			String label = words.t("search.from") + ": " + dayName(query.from(), words);
			chips.add(new Chip(label,
					query.withRange(null, query.to(), query.histogram()).href(words.locale(), defaultLocale),
					words.t("search.remove", Map.of("filter", label))));
		}
		if (query.to() != null) {
			String label = words.t("search.to") + ": " + dayName(query.to(), words);
			chips.add(new Chip(label,
					query.withRange(query.from(), null, query.histogram()).href(words.locale(), defaultLocale),
					words.t("search.remove", Map.of("filter", label))));
		}
		return List.copyOf(chips);
	}

	private static List<Facet> facets(JsonNode facets, SearchQuery query, Words.In words, String defaultLocale) {
		List<Facet> shown = new ArrayList<>();
		for (String facet : FACETS) {
			JsonNode values = facets.path(facet);
			if (!values.isArray() || values.isEmpty()) {
				continue;
			}
			String name = SearchQuery.FILTERS.entrySet()
				.stream()
				.filter((filter) -> filter.getValue().equals(facet))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse(facet);
			List<String> chosen = query.filters().get(name);
			List<FacetValue> offered = new ArrayList<>();
			for (JsonNode entry : values) {
				String value = entry.path("value").asString();
				long count = entry.path("count").asLong();
				boolean active = chosen.contains(value);
				List<String> next = new ArrayList<>(chosen);
				if (active) {
					next.remove(value);
				}
				else {
					next.add(value);
				}
				String label = valueName(name, value, words);
				offered
					.add(new FacetValue(value, label, query.withFilter(name, next).href(words.locale(), defaultLocale),
							active, words.t(active ? "search.facet.remove" : "search.facet.add", Map.of("value", label))
									+ " (" + words.count("search.count", count) + ")",
							words.number(count)));
			}
			shown.add(new Facet(facet, filterName(name, words), List.copyOf(offered)));
		}
		return List.copyOf(shown);
	}

	private static Suggestion suggestion(String suggested, SearchQuery query, Words.In words, String defaultLocale) {
		String[] around = words.t("search.suggestion", Map.of("suggestion", "\u0000")).split("\u0000", 2);
		return new Suggestion(around[0], query.withWords(suggested).href(words.locale(), defaultLocale), suggested,
				(around.length > 1) ? around[1] : "");
	}

	private static String filterName(String name, Words.In words) {
		return words.t(switch (name) {
			case "content-locale" -> "search.locale";
			default -> "search." + name;
		});
	}

	private static String valueName(String name, String value, Words.In words) {
		if (("type".equals(name) || "kind".equals(name)) && words.has(name + "." + value)) {
			return words.t(name + "." + value);
		}
		return "content-locale".equals(name) ? ResultLine.languageName(value, words.locale()) : value;
	}

	private static String dayName(String value, Words.In words) {
		return day(value).isEmpty() ? value : ItemView.day(value, words.locale());
	}

	/** A day as a date field takes it, or nothing. */
	private static String day(@Nullable String value) {
		try {
			return (value != null) ? LocalDate.parse(value).toString() : "";
		}
		catch (DateTimeParseException ex) {
			return "";
		}
	}

	private static String detail(WebClientResponseException refused) {
		try {
			String detail = json.readTree(refused.getResponseBodyAsString()).path("detail").asString("");
			return detail.isEmpty() ? refused.getStatusText() : detail;
		}
		catch (RuntimeException ex) {
			return refused.getStatusText();
		}
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	private static String safe(String script) {
		return script.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

	/**
	 * @param value what the form sends
	 * @param label what it shows
	 */
	public record Option(String value, String label) {
	}

	/**
	 * @param before the words before the suggestion
	 * @param href the search with the suggested words
	 * @param text the suggested words
	 * @param after the words after it
	 */
	public record Suggestion(String before, String href, String text, String after) {
	}

	/**
	 * An active filter.
	 *
	 * @param label the filter and its value
	 * @param href the search without it
	 * @param ariaLabel what a screen reader says
	 */
	public record Chip(String label, String href, String ariaLabel) {
	}

	/**
	 * @param name the facet as the API names it
	 * @param heading its name in the reader's language
	 * @param values its values
	 */
	public record Facet(String name, String heading, List<FacetValue> values) {
	}

	/**
	 * @param value the value
	 * @param label as shown
	 * @param href the search with it added, or without it when active
	 * @param active whether the search has it
	 * @param ariaLabel what a screen reader says
	 * @param count how many results have it, written
	 */
	public record FacetValue(String value, String label, String href, boolean active, String ariaLabel, String count) {
	}

	/**
	 * Past the numbered pages: a link to the last numbered page, or on it, a button the
	 * script walks the cursor with.
	 *
	 * @param hint why the numbers stop
	 * @param href the last numbered page, when this is not it
	 * @param text what the link or button says
	 * @param api the search's API parameters, for the walk
	 * @param continueHref where the walk goes on, with {@code __cursor__} and
	 * {@code __start__} to replace
	 */
	public record More(String hint, @Nullable String href, String text, @Nullable String api,
			@Nullable String continueHref) {
	}

}
