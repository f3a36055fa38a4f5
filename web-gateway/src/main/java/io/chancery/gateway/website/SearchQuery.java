package io.chancery.gateway.website;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.MultiValueMap;

/**
 * A search as the search page's address describes it, so a search can be shared and the
 * back button works: every facet, bar, chip and page is a link to another such address.
 * {@code ?locale=} is the reader's language, so the language of the content searched is
 * {@code ?content-locale=}. A number out of range is ignored, as the page's script did.
 *
 * @param q the words
 * @param filters each filter's values, by the page's parameter
 * @param dateField the date the range and order use
 * @param from the range's first day
 * @param to its last day
 * @param order {@code relevance}, {@code newest} or {@code oldest}
 * @param histogram the chart's interval
 * @param size results a page
 * @param page the numbered page
 * @param cursor where a walk past the numbered pages goes on
 * @param start the number of the first result a cursor's page shows
 */
record SearchQuery(@Nullable String q, Map<String, List<String>> filters, @Nullable String dateField,
		@Nullable String from, @Nullable String to, @Nullable String order, @Nullable String histogram, int size,
		int page, @Nullable String cursor, int start) {

	/** The page's filter parameters and the API's names for them, in the order shown. */
	static final Map<String, String> FILTERS = namedFilters();

	static final int PAGE_SIZE = 20;

	/**
	 * Numbered pages reach this many results (search-service's limit); a cursor the rest.
	 */
	static final int WINDOW = 10_000;

	static final String DEFAULT_INTERVAL = "month";

	static final String DEFAULT_DATE_FIELD = "date";

	private static Map<String, String> namedFilters() {
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("type", "type");
		filters.put("kind", "kind");
		filters.put("content-locale", "locale");
		filters.put("person", "person");
		filters.put("tag", "tag");
		return java.util.Collections.unmodifiableMap(filters);
	}

	static SearchQuery of(MultiValueMap<String, String> parameters) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		for (String name : FILTERS.keySet()) {
			Set<String> values = new LinkedHashSet<>();
			for (String value : parameters.getOrDefault(name, List.of())) {
				for (String one : value.split(",")) {
					if (!one.isBlank()) {
						values.add(one.trim());
					}
				}
			}
			filters.put(name, List.copyOf(values));
		}
		Integer size = number(parameters.getFirst("size"), 100);
		Integer page = number(parameters.getFirst("page"), WINDOW);
		Integer start = number(parameters.getFirst("start"), Integer.MAX_VALUE);
		return new SearchQuery(single(parameters, "q"), filters, single(parameters, "date-field"),
				single(parameters, "from"), single(parameters, "to"), single(parameters, "order"),
				single(parameters, "histogram"), (size != null) ? size : PAGE_SIZE, (page != null) ? page : 1,
				single(parameters, "cursor"), (start != null) ? start : 1);
	}

	/** The order a search has when it names none: by relevance when it has words. */
	String shownOrder() {
		return (this.order != null) ? this.order : (this.q != null) ? "relevance" : "newest";
	}

	/** Whether any filter or range narrows the search. */
	boolean filtering() {
		return this.filters.values().stream().anyMatch((values) -> !values.isEmpty()) || this.from != null
				|| this.to != null || (this.dateField != null && !DEFAULT_DATE_FIELD.equals(this.dateField));
	}

	// Each change starts paging over, as a new search does.

	SearchQuery withWords(String q) {
		return new SearchQuery(q, this.filters, this.dateField, this.from, this.to, this.order, this.histogram,
				this.size, 1, null, 1);
	}

	SearchQuery withFilter(String name, List<String> values) {
		Map<String, List<String>> filters = new LinkedHashMap<>(this.filters);
		filters.put(name, List.copyOf(values));
		return new SearchQuery(this.q, filters, this.dateField, this.from, this.to, this.order, this.histogram,
				this.size, 1, null, 1);
	}

	SearchQuery withRange(@Nullable String from, @Nullable String to, @Nullable String histogram) {
		return new SearchQuery(this.q, this.filters, this.dateField, from, to, this.order, histogram, this.size, 1,
				null, 1);
	}

	SearchQuery withPage(int page) {
		return new SearchQuery(this.q, this.filters, this.dateField, this.from, this.to, this.order, this.histogram,
				this.size, page, null, 1);
	}

	SearchQuery withCursor(String cursor, int start, int size) {
		return new SearchQuery(this.q, this.filters, this.dateField, this.from, this.to, this.order, this.histogram,
				size, 1, cursor, start);
	}

	/** This search's page address in the reader's language. */
	String href(String locale, String defaultLocale) {
		List<String> parameters = new ArrayList<>();
		add(parameters, "q", this.q);
		this.filters
			.forEach((name, values) -> add(parameters, name, values.isEmpty() ? null : String.join(",", values)));
		add(parameters, "date-field", DEFAULT_DATE_FIELD.equals(this.dateField) ? null : this.dateField);
		add(parameters, "from", this.from);
		add(parameters, "to", this.to);
		add(parameters, "order",
				(this.order == null || this.order.equals(withoutOrder().shownOrder())) ? null : this.order);
		add(parameters, "histogram", DEFAULT_INTERVAL.equals(this.histogram) ? null : this.histogram);
		add(parameters, "size", (this.size == PAGE_SIZE) ? null : String.valueOf(this.size));
		if (this.cursor != null) {
			add(parameters, "cursor", this.cursor);
			add(parameters, "start", String.valueOf(this.start));
		}
		else if (this.page > 1) {
			add(parameters, "page", String.valueOf(this.page));
		}
		return Page.link(parameters.isEmpty() ? "/search" : "/search?" + String.join("&", parameters), locale,
				defaultLocale);
	}

	private SearchQuery withoutOrder() {
		return new SearchQuery(this.q, this.filters, this.dateField, this.from, this.to, null, this.histogram,
				this.size, this.page, this.cursor, this.start);
	}

	/**
	 * The search's parameters for search-service's API, without paging, encoded as a form
	 * is: what the export and the walk with a cursor send too.
	 */
	String api() {
		List<String> parameters = new ArrayList<>();
		add(parameters, "q", this.q);
		FILTERS.forEach((name, api) -> add(parameters, api,
				this.filters.get(name).isEmpty() ? null : String.join(",", this.filters.get(name))));
		add(parameters, "date-field", this.dateField);
		add(parameters, "from", this.from);
		add(parameters, "to", this.to);
		add(parameters, "order", this.order);
		return String.join("&", parameters);
	}

	private static void add(List<String> parameters, String name, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static @Nullable String single(MultiValueMap<String, String> parameters, String name) {
		String value = parameters.getFirst(name);
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static @Nullable Integer number(@Nullable String value, int max) {
		try {
			int number = Integer.parseInt((value != null) ? value.trim() : "");
			return (number >= 1 && number <= max) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
