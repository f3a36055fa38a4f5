package io.chancery.gateway.website;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chancery.gateway.Upstream;
import io.chancery.gateway.Upstream.Reply;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stand-ins for the search and counter services, answering in their shapes from a small
 * catalogue of invented articles and events ({@code website/catalogue.json}) and the site
 * details of each locale: listings, items, related items, the archive, search with
 * filters, facets, a histogram and highlights, the clocks and counters evaluated at the
 * requested instant, and a live stream that tests push events into.
 */
final class StandInServices implements AutoCloseable {

	/** Where counter-service streams; the gateway serves it as /api/v1/stream. */
	static final String STREAM = "/api/v1/counters/stream";

	private static final Set<String> DIMENSIONS = Set.of("type", "kind", "person", "tag", "locale");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Upstream search = new Upstream("search-service");

	private final Upstream counter = new Upstream("counter-service");

	private final Upstream ingest = new Upstream("ingest-service");

	private final List<Map<String, Object>> catalogue;

	private final Map<String, Map<String, Object>> sites;

	private volatile boolean countersDown;

	StandInServices() {
		this.catalogue = read("catalogue.json", new TypeReference<List<Map<String, Object>>>() {
		});
		Map<String, Object> english = read("site-en.json", new TypeReference<Map<String, Object>>() {
		});
		// German: a third language whose site details were entered in English.
		this.sites = Map.of("en", english, "ru", read("site-ru.json", new TypeReference<Map<String, Object>>() {
		}), "de", english);
		this.counter.answer("/api/v1/site", this::site)
			.answer("/api/v1/clocks", this::clocks)
			.answer("/api/v1/counters", this::counters)
			.stream(STREAM);
		this.search.answer("/api/v1/articles", (query) -> listing(query, "article"))
			.answer("/api/v1/events", (query) -> listing(query, "event"))
			.answer("/api/v1/archive", (query) -> listing(query, null))
			.answer("/api/v1/search", (query) -> listing(query, null))
			.answer("/api/v1/archive/months", this::months)
			.answer("/api/v1/articles/missing",
					(query) -> Reply.problem(404, "Not found", "No article 'missing' in locale 'en'"))
			.answer("/api/v1/articles/retracted",
					(query) -> Reply.problem(410, "Gone", "The article 'retracted' was withdrawn"));
		for (Map<String, Object> item : this.catalogue) {
			String path = "/api/v1/" + item.get("type") + "s/" + item.get("id");
			this.search.answer(path, (query) -> item(path, query));
			this.search.answer(path + "/related", (query) -> related(path, query));
		}
	}

	Upstream search() {
		return this.search;
	}

	Upstream counter() {
		return this.counter;
	}

	Upstream ingest() {
		return this.ingest;
	}

	/** Makes the counters' answer fail, as a service that is down would. */
	void countersDown(boolean down) {
		this.countersDown = down;
	}

	/** Pages listening to the live stream. */
	int listeners() {
		return this.counter.subscribers(STREAM);
	}

	/** Announces a newly published event on the stream, as counter-service does. */
	void publishEvent(String locale, String id, LocalDate date, String title, String lead) {
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("id", id);
		change.put("locale", locale);
		change.put("revision", 1);
		change.put("withdrawn", false);
		change.put("date", date.toString());
		change.put("title", title);
		change.put("lead", lead);
		change.put("relatedArticleId", null);
		this.counter.push(STREAM, "event-published", this.json.writeValueAsString(change));
	}

	/** Announces that a counter's day has turned, as it will at {@code at}. */
	void rollOver(String id, String locale, Instant at) {
		Map<String, Object> view = counterViews(locale, at).stream()
			.filter((candidate) -> candidate.get("id").equals(id))
			.findFirst()
			.orElseThrow();
		this.counter.push(STREAM, "counter-rolled-over", this.json.writeValueAsString(view));
	}

	/** The sentence counter-service would give for a counter at {@code at}. */
	String counterText(String id, String locale, Instant at) {
		return counterViews(locale, at).stream()
			.filter((candidate) -> candidate.get("id").equals(id))
			.map((candidate) -> (String) candidate.get("text"))
			.findFirst()
			.orElseThrow();
	}

	/** The published items of a locale, newest first, as a listing orders them. */
	List<Map<String, Object>> published(String type, String locale) {
		return this.catalogue.stream()
			.filter((item) -> "published".equals(item.get("status")))
			.filter((item) -> type == null || type.equals(item.get("type")))
			.filter((item) -> locale == null || locale.equals(item.get("locale")))
			.sorted(Comparator.comparing((Map<String, Object> item) -> (String) item.get("date")).reversed())
			.toList();
	}

	// counter-service

	private Reply site(Map<String, List<String>> query) {
		String locale = first(query, "locale", "en");
		Map<String, Object> site = this.sites.get(locale);
		return (site != null) ? Reply.json(this.json.writeValueAsString(site))
				: Reply.problem(404, "Not found", "No site details have been published for locale '" + locale + "'");
	}

	@SuppressWarnings("unchecked")
	private Reply clocks(Map<String, List<String>> query) {
		String locale = first(query, "locale", "en");
		Instant at = Instant.parse(first(query, "at", Instant.now().toString()));
		List<Map<String, Object>> readings = new ArrayList<>();
		for (Map<String, Object> city : (List<Map<String, Object>>) this.sites.get(locale).get("clocks")) {
			readings.add(reading((String) city.get("name"), ZoneId.of((String) city.get("timeZone")), at, locale));
		}
		return Reply.json(this.json.writeValueAsString(Map.of("at", at.toString(), "clocks", readings)));
	}

	private static Map<String, Object> reading(String name, ZoneId zone, Instant at, String locale) {
		ZoneOffsetTransition next = zone.getRules().nextTransition(at);
		ZoneOffset offset = zone.getRules().getOffset(at);
		Map<String, Object> reading = new LinkedHashMap<>();
		reading.put("name", name);
		reading.put("timeZone", zone.getId());
		reading.put("localDateTime", LocalDateTime.ofInstant(at, zone).toString());
		reading.put("utcOffset", offset(offset));
		reading.put("abbreviation",
				DateTimeFormatter.ofPattern("zzz", Locale.forLanguageTag(locale)).format(at.atZone(zone)));
		reading.put("daylightSaving", zone.getRules().isDaylightSavings(at));
		reading.put("nextChange", (next != null)
				? Map.of("at", next.getInstant().toString(), "utcOffsetAfter", offset(next.getOffsetAfter())) : null);
		return reading;
	}

	private static String offset(ZoneOffset offset) {
		return (offset.getTotalSeconds() == 0) ? "+00:00" : offset.getId();
	}

	private Reply counters(Map<String, List<String>> query) {
		if (this.countersDown) {
			return Reply.problem(503, "Service unavailable", "The counters are resting");
		}
		String locale = first(query, "locale", "en");
		Instant at = Instant.parse(first(query, "at", Instant.now().toString()));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("at", at.toString());
		answer.put("locale", locale);
		answer.put("counters", counterViews(locale, at));
		return Reply.json(this.json.writeValueAsString(answer));
	}

	private List<Map<String, Object>> counterViews(String locale, Instant at) {
		List<Map<String, Object>> views = new ArrayList<>();
		for (Map<String, Object> event : published("event", locale)) {
			if (event.get("counterCaption") == null) {
				continue;
			}
			ZoneId zone = ZoneId.of((String) event.get("timeZone"));
			LocalDate from = LocalDate.parse((String) event.get("eventDate"));
			LocalDate today = LocalDate.ofInstant(at, zone);
			long value = ChronoUnit.DAYS.between(from, today);
			String unit = days(value, locale);
			String caption = (String) event.get("counterCaption");
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("id", event.get("id"));
			view.put("locale", locale);
			view.put("value", value);
			view.put("unit", unit);
			view.put("caption", caption);
			view.put("text", value + " " + unit + " " + caption);
			view.put("direction", "since");
			view.put("state", "counting");
			view.put("countFrom", from.toString());
			view.put("stoppedOn", null);
			view.put("timeZone", zone.getId());
			view.put("today", today.toString());
			view.put("at", at.toString());
			view.put("nextChangeAt", today.plusDays(1).atStartOfDay(zone).toInstant().toString());
			view.put("eventTitle", event.get("title"));
			views.add(view);
		}
		return views;
	}

	private static String days(long number, String locale) {
		if (!locale.equals("ru")) {
			return (number == 1) ? "day" : "days";
		}
		long lastTwo = number % 100;
		long last = number % 10;
		if (last == 1 && lastTwo != 11) {
			return "день";
		}
		if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
			return "дня";
		}
		return "дней";
	}

	// search-service

	private Reply item(String path, Map<String, List<String>> query) {
		String locale = first(query, "locale", "en");
		return this.catalogue.stream()
			.filter((item) -> path.equals("/api/v1/" + item.get("type") + "s/" + item.get("id")))
			.filter((item) -> locale.equals(item.get("locale")))
			.findFirst()
			.map((item) -> Reply.json(this.json.writeValueAsString(item)))
			.orElseGet(() -> Reply.problem(404, "Not found", "No such item in locale '" + locale + "'"));
	}

	@SuppressWarnings("unchecked")
	private Reply related(String path, Map<String, List<String>> query) {
		String locale = first(query, "locale", "en");
		Map<String, Object> item = this.catalogue.stream()
			.filter((candidate) -> path.equals("/api/v1/" + candidate.get("type") + "s/" + candidate.get("id")))
			.filter((candidate) -> locale.equals(candidate.get("locale")))
			.findFirst()
			.orElse(null);
		if (item == null) {
			return Reply.problem(404, "Not found", "No such item in locale '" + locale + "'");
		}
		List<String> tags = (List<String>) item.getOrDefault("tags", List.of());
		List<Map<String, Object>> related = published(null, locale).stream()
			.filter((other) -> !other.get("id").equals(item.get("id")))
			.filter((other) -> ((List<String>) other.getOrDefault("tags", List.of())).stream().anyMatch(tags::contains))
			.limit(Integer.parseInt(first(query, "size", "5")))
			.map((other) -> summary(other, Map.of()))
			.toList();
		return Reply.json(this.json.writeValueAsString(related));
	}

	private Reply months(Map<String, List<String>> query) {
		String locale = first(query, "locale", null);
		Map<YearMonth, Long> counts = new TreeMap<>(Comparator.reverseOrder());
		for (Map<String, Object> item : published(null, locale)) {
			counts.merge(YearMonth.from(LocalDate.parse(((String) item.get("date")).substring(0, 10))), 1L, Long::sum);
		}
		List<Map<String, Object>> months = new ArrayList<>();
		counts.forEach((month, count) -> months
			.add(Map.of("year", month.getYear(), "month", month.getMonthValue(), "count", count)));
		return Reply.json(this.json.writeValueAsString(months));
	}

	/**
	 * Listings and search: filters, words, dates, facets, a histogram, highlights, pages.
	 */
	private Reply listing(Map<String, List<String>> query, String type) {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		for (String dimension : DIMENSIONS) {
			List<String> values = values(query, dimension);
			if (!values.isEmpty()) {
				filters.put(dimension, values);
			}
		}
		if (type != null) {
			filters.put("type", List.of(type));
		}
		List<String> words = words(first(query, "q", ""));
		String field = switch (first(query, "date-field", "date")) {
			case "delivered" -> "deliveredAt";
			case "published" -> "publishedAt";
			case "updated" -> "updatedAt";
			case "event" -> "eventDate";
			default -> "date";
		};
		String from = first(query, "from", null);
		String to = first(query, "to", null);
		String year = first(query, "year", null);
		if (year != null) {
			YearMonth first = YearMonth.of(Integer.parseInt(year), Integer.parseInt(first(query, "month", "1")));
			YearMonth last = query.containsKey("month") ? first : YearMonth.of(first.getYear(), 12);
			from = first.atDay(1).toString();
			to = last.atEndOfMonth().toString();
		}
		String since = from;
		String until = to;
		List<Map<String, Object>> matching = published(null, null).stream()
			.filter((item) -> matches(item, filters, null))
			.filter((item) -> words.stream().allMatch((word) -> text(item).contains(word)))
			.filter((item) -> within(item, field, since, until))
			.toList();
		String order = first(query, "order", words.isEmpty() ? "newest" : "relevance");
		if (order.equals("oldest")) {
			matching = matching.reversed();
		}
		int size = Integer.parseInt(first(query, "size", "20"));
		int page = Integer.parseInt(first(query, "page", "1"));
		List<Map<String, Object>> results = matching.stream()
			.skip((long) (page - 1) * size)
			.limit(size)
			.map((item) -> summary(item, highlights(item, words)))
			.toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("total", matching.size());
		answer.put("page", page);
		answer.put("pageSize", size);
		answer.put("pages", (matching.size() + size - 1) / size);
		answer.put("order", order);
		answer.put("results", results);
		List<String> facets = values(query, "facets");
		if (!facets.isEmpty()) {
			Map<String, Object> counts = new LinkedHashMap<>();
			for (String facet : facets) {
				counts.put(facet, facet(facet, filters, words, field, since, until));
			}
			answer.put("facets", counts);
		}
		String interval = first(query, "histogram", null);
		if (interval != null) {
			answer.put("histogram", Map.of("field", first(query, "date-field", "date"), "interval", interval, "zone",
					"Europe/London", "buckets", buckets(matching, field, interval)));
		}
		return Reply.json(this.json.writeValueAsString(answer));
	}

	/** A facet's counts, each counted without the facet's own filter. */
	private List<Map<String, Object>> facet(String facet, Map<String, List<String>> filters, List<String> words,
			String field, String from, String to) {
		Map<String, Long> counts = new LinkedHashMap<>();
		published(null, null).stream()
			.filter((item) -> matches(item, filters, facet))
			.filter((item) -> words.stream().allMatch((word) -> text(item).contains(word)))
			.filter((item) -> within(item, field, from, to))
			.forEach((item) -> dimension(item, facet).forEach((value) -> counts.merge(value, 1L, Long::sum)));
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.map((entry) -> Map.<String, Object>of("value", entry.getKey(), "count", entry.getValue()))
			.toList();
	}

	private static List<Map<String, Object>> buckets(List<Map<String, Object>> items, String field, String interval) {
		List<LocalDate> days = items.stream()
			.map((item) -> (String) item.get(field))
			.filter(Objects::nonNull)
			.map((value) -> LocalDate.parse(value.substring(0, 10)))
			.sorted()
			.toList();
		List<Map<String, Object>> buckets = new ArrayList<>();
		if (days.isEmpty()) {
			return buckets;
		}
		LocalDate start = bucket(days.get(0), interval);
		LocalDate end = bucket(days.get(days.size() - 1), interval);
		for (LocalDate bucket = start; !bucket.isAfter(end); bucket = next(bucket, interval)) {
			LocalDate current = bucket;
			long count = days.stream().filter((day) -> bucket(day, interval).equals(current)).count();
			buckets.add(Map.of("start", current.toString(), "count", count));
		}
		return buckets;
	}

	private static LocalDate bucket(LocalDate day, String interval) {
		return switch (interval) {
			case "year" -> day.withDayOfYear(1);
			case "week" -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
			case "day" -> day;
			default -> day.withDayOfMonth(1);
		};
	}

	private static LocalDate next(LocalDate bucket, String interval) {
		return switch (interval) {
			case "year" -> bucket.plusYears(1);
			case "week" -> bucket.plusWeeks(1);
			case "day" -> bucket.plusDays(1);
			default -> bucket.plusMonths(1);
		};
	}

	private static boolean matches(Map<String, Object> item, Map<String, List<String>> filters, String except) {
		return filters.entrySet()
			.stream()
			.filter((filter) -> !filter.getKey().equals(except))
			.allMatch((filter) -> dimension(item, filter.getKey()).stream().anyMatch(filter.getValue()::contains));
	}

	@SuppressWarnings("unchecked")
	private static List<String> dimension(Map<String, Object> item, String dimension) {
		Object value = item.get(switch (dimension) {
			case "person" -> "people";
			case "tag" -> "tags";
			default -> dimension;
		});
		if (value instanceof List<?> list) {
			return (List<String>) list;
		}
		return (value != null) ? List.of((String) value) : List.of();
	}

	private static boolean within(Map<String, Object> item, String field, String from, String to) {
		if (from == null && to == null) {
			return true;
		}
		String value = (String) item.get(field);
		if (value == null) {
			return false;
		}
		String day = value.substring(0, 10);
		return (from == null || day.compareTo(from) >= 0) && (to == null || day.compareTo(to) <= 0);
	}

	private static String text(Map<String, Object> item) {
		return String
			.join(" ", String.valueOf(item.get("title")), String.valueOf(item.get("lead")), plain(item.get("body")))
			.toLowerCase(Locale.ROOT);
	}

	private static String plain(Object html) {
		return (html != null) ? ((String) html).replaceAll("<[^>]+>", " ") : "";
	}

	private static List<String> words(String q) {
		List<String> words = new ArrayList<>();
		for (String word : q.toLowerCase(Locale.ROOT).split("\\s+")) {
			if (!word.isBlank()) {
				words.add(word);
			}
		}
		return words;
	}

	/**
	 * Fragments with the words marked and everything else escaped, as Elasticsearch makes
	 * them.
	 */
	private static Map<String, List<String>> highlights(Map<String, Object> item, List<String> words) {
		Map<String, List<String>> highlights = new LinkedHashMap<>();
		if (words.isEmpty()) {
			return highlights;
		}
		Pattern pattern = Pattern.compile(
				"(?i)\\b(" + String.join("|", words.stream().map(Pattern::quote).toList()) + ")\\w*",
				Pattern.UNICODE_CHARACTER_CLASS);
		for (String field : List.of("title", "lead", "body")) {
			String text = field.equals("body") ? plain(item.get(field)).strip().replaceAll("\\s+", " ")
					: (String) item.get(field);
			if (text == null || !pattern.matcher(text).find()) {
				continue;
			}
			if (field.equals("body")) {
				Matcher matcher = pattern.matcher(text);
				matcher.find();
				int start = Math.max(0, matcher.start() - 60);
				text = text.substring(start, Math.min(text.length(), start + 160));
			}
			StringBuilder fragment = new StringBuilder();
			Matcher matcher = pattern.matcher(text);
			int last = 0;
			while (matcher.find()) {
				fragment.append(escape(text.substring(last, matcher.start())))
					.append("<mark>")
					.append(escape(matcher.group()))
					.append("</mark>");
				last = matcher.end();
			}
			fragment.append(escape(text.substring(last)));
			highlights.put(field, List.of(fragment.toString()));
		}
		return highlights;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static Map<String, Object> summary(Map<String, Object> item, Map<String, List<String>> highlights) {
		Map<String, Object> summary = new LinkedHashMap<>();
		for (String field : List.of("type", "id", "locale", "kind", "title", "lead", "date", "eventDate", "deliveredAt",
				"publishedAt", "place", "people", "tags", "relatedArticleId", "counterCaption")) {
			if (item.get(field) != null) {
				summary.put(field, item.get(field));
			}
		}
		if (!highlights.isEmpty()) {
			summary.put("highlights", highlights);
		}
		return summary;
	}

	private static String first(Map<String, List<String>> query, String name, String fallback) {
		List<String> values = query.get(name);
		return (values != null && !values.isEmpty() && !values.get(0).isBlank()) ? values.get(0) : fallback;
	}

	private static List<String> values(Map<String, List<String>> query, String name) {
		Set<String> values = new LinkedHashSet<>();
		for (String value : query.getOrDefault(name, List.of())) {
			for (String part : value.split(",")) {
				if (!part.isBlank()) {
					values.add(part.strip());
				}
			}
		}
		return List.copyOf(values);
	}

	private <T> T read(String name, TypeReference<T> type) {
		try (InputStream in = StandInServices.class.getResourceAsStream("/website/" + name)) {
			return this.json.readValue(Objects.requireNonNull(in, name), type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Points the gateway under test at these services. */
	void standIn(DynamicPropertyRegistry registry) {
		registry.add("chancery.upstreams.search", search()::uri);
		registry.add("chancery.upstreams.counter", counter()::uri);
		registry.add("chancery.upstreams.ingest", ingest()::uri);
	}

	@Override
	public void close() {
		this.search.close();
		this.counter.close();
		this.ingest.close();
	}

}
