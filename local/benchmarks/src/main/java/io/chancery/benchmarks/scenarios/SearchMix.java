package io.chancery.benchmarks.scenarios;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chancery.benchmarks.http.Http;
import io.chancery.benchmarks.load.WrkRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixed mix of analyst searches — words, a phrase, filters, facets, a date histogram,
 * Russian, a prefix with OR — each written twice: as the gateway's
 * {@code GET /api/v1/search} and as the request search-service sends Elasticsearch for it
 * (the same query clauses, visibility filter, post filter, aggregations, sort, source
 * filtering, highlighting and spelling suggestion, restated from search-service's
 * {@code ContentSearch}). Before the load, each pair is run once and must find the same
 * total, which shows the two are the same search.
 */
final class SearchMix {

	private static final List<String> TEXT_FIELDS = List.of("title^3", "lead^2", "body", "counterCaption^2",
			"people.text^2", "tags.text");

	private static final List<String> EXACT_FIELDS = List.of("title.exact^3", "lead.exact^2", "body.exact",
			"people.text^2");

	private static final Map<String, String> FIELDS = Map.of("type", "type", "kind", "kind", "person", "people", "tag",
			"tags", "locale", "locale");

	private SearchMix() {
	}

	static List<Query> queries() {
		int year = Year.now(ZoneOffset.UTC).getValue() - 1;
		List<Query> queries = new ArrayList<>();
		queries.add(new Query("words", List.of(word("embassy"), word("cooperation")), null, Map.of(), List.of(), null,
				null));
		queries.add(new Query("phrase", List.of(phrase("foreign minister")), null, Map.of(), List.of(), null, null));
		queries.add(new Query("filters", List.of(word("minister")), null,
				ordered("kind", List.of("speech"), "locale", List.of("en")), List.of(), null, null));
		queries.add(new Query("facets", List.of(word("trade")), null, Map.of(),
				List.of("kind", "person", "tag", "locale", "type"), null, null));
		queries.add(new Query("histogram", List.of(), null, Map.of(), List.of(), "month", year));
		queries.add(new Query("russian", List.of(word("посольство")), null, Map.of("locale", List.of("ru")), List.of(),
				null, null));
		queries.add(new Query("prefix or word", List.of(), List.of(prefix("consul"), word("visa")), Map.of(), List.of(),
				null, null));
		return queries;
	}

	private static Map<String, List<String>> ordered(String a, List<String> aValues, String b, List<String> bValues) {
		Map<String, List<String>> map = new LinkedHashMap<>();
		map.put(a, aValues);
		map.put(b, bValues);
		return map;
	}

	private static Clause word(String text) {
		return new Clause(text, false, false);
	}

	private static Clause phrase(String text) {
		return new Clause(text, true, false);
	}

	private static Clause prefix(String text) {
		return new Clause(text, false, true);
	}

	/**
	 * A query clause of the analyst syntax.
	 *
	 * @param text the word, phrase or prefix
	 * @param phrase a quoted phrase
	 * @param prefix a word ending in {@code *}
	 */
	record Clause(String text, boolean phrase, boolean prefix) {

		String typed() {
			return this.phrase ? "\"" + this.text + "\"" : this.prefix ? this.text + "*" : this.text;
		}

		ObjectNode elasticsearch() {
			ObjectNode multiMatch = Http.JSON.createObjectNode();
			ObjectNode match = multiMatch.putObject("multi_match").put("query", this.text);
			ArrayNode fields = match.putArray("fields");
			(this.prefix ? EXACT_FIELDS : TEXT_FIELDS).forEach(fields::add);
			if (this.prefix) {
				match.put("type", "phrase_prefix").put("max_expansions", 50);
			}
			else if (this.phrase) {
				match.put("type", "phrase").put("zero_terms_query", "all");
			}
			else {
				match.put("type", "best_fields").put("operator", "and").put("zero_terms_query", "all");
			}
			return multiMatch;
		}

	}

	/**
	 * One search of the mix.
	 *
	 * @param name how the report names it
	 * @param all clauses that must all match (words typed one after the other)
	 * @param any clauses of which one must match (joined with OR), instead of {@code all}
	 * @param filters filter parameters and their values
	 * @param facets facets to count
	 * @param histogram the histogram's interval
	 * @param year the year to search in
	 */
	record Query(String name, List<Clause> all, @Nullable List<Clause> any, Map<String, List<String>> filters,
			List<String> facets, @Nullable String histogram, @Nullable Integer year) {

		String text() {
			if (this.any != null) {
				return String.join(" OR ", this.any.stream().map(Clause::typed).toList());
			}
			return String.join(" ", this.all.stream().map(Clause::typed).toList());
		}

		WrkRequest gateway() {
			List<String> parameters = new ArrayList<>();
			if (!text().isEmpty()) {
				parameters.add("q=" + encode(text()));
			}
			this.filters.forEach((name, values) -> parameters.add(name + "=" + encode(String.join(",", values))));
			if (!this.facets.isEmpty()) {
				parameters.add("facets=" + String.join(",", this.facets));
			}
			if (this.histogram != null) {
				parameters.add("histogram=" + this.histogram);
			}
			if (this.year != null) {
				parameters.add("year=" + this.year);
			}
			return WrkRequest.get("/api/v1/search?" + String.join("&", parameters));
		}

		WrkRequest elasticsearch() {
			return WrkRequest.postJson("/content/_search", Http.JSON.writeValueAsString(body()));
		}

		ObjectNode body() {
			boolean hasText = !text().isEmpty();
			ObjectNode body = Http.JSON.createObjectNode();
			body.put("from", 0).put("size", 20).put("track_total_hits", true);
			body.putObject("_source").putArray("excludes").add("body").add("bodyHtml");
			ObjectNode bool = body.putObject("query").putObject("bool");
			bool.putArray("must").add(hasText ? text(this) : matchAll());
			ArrayNode filter = bool.putArray("filter");
			filter.add(visible());
			String from = null;
			String to = null;
			if (this.year != null) {
				from = Year.of(this.year).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
				to = Year.of(this.year + 1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
				ObjectNode range = filter.addObject().putObject("range").putObject("sortDate");
				range.put("gte", from).put("lt", to);
			}
			ArrayNode sort = body.putArray("sort");
			if (hasText) {
				sort.addObject().putObject("_score").put("order", "desc");
			}
			sort.addObject().putObject("sortDate").put("order", "desc");
			sort.addObject().putObject("type").put("order", "asc");
			sort.addObject().putObject("id").put("order", "asc");
			sort.addObject().putObject("locale").put("order", "asc");
			Map<String, ObjectNode> facetFilters = new LinkedHashMap<>();
			// search-service keeps its dimensions in this order.
			for (String dimension : List.of("type", "kind", "person", "tag", "locale")) {
				List<String> values = this.filters.get(dimension);
				if (values != null) {
					ObjectNode clause = Http.JSON.createObjectNode();
					clause.putObject("bool").putArray("filter").add(terms(FIELDS.get(dimension), values));
					facetFilters.put(dimension, clause);
				}
			}
			if (!facetFilters.isEmpty()) {
				body.set("post_filter", all(new ArrayList<>(facetFilters.values())));
			}
			ObjectNode aggregations = Http.JSON.createObjectNode();
			for (String facet : this.facets) {
				List<ObjectNode> others = new ArrayList<>();
				facetFilters.forEach((dimension, clause) -> {
					if (!dimension.equals(facet)) {
						others.add(clause);
					}
				});
				ObjectNode aggregation = aggregations.putObject("facet-" + facet);
				aggregation.set("filter", all(others));
				aggregation.putObject("aggs")
					.putObject("values")
					.putObject("terms")
					.put("field", FIELDS.get(facet))
					.put("size", 25);
			}
			if (this.histogram != null) {
				ObjectNode aggregation = aggregations.putObject("histogram");
				aggregation.set("filter", all(new ArrayList<>(facetFilters.values())));
				aggregation.putObject("aggs")
					.putObject("buckets")
					.putObject("date_histogram")
					.put("field", "sortDate")
					.put("calendar_interval", this.histogram)
					.put("time_zone", "UTC")
					.put("format", "yyyy-MM-dd")
					.put("min_doc_count", 0);
			}
			if (!aggregations.isEmpty()) {
				body.set("aggregations", aggregations);
			}
			if (hasText) {
				ObjectNode suggest = body.putObject("suggest");
				suggest.put("text", text());
				suggest.putObject("spelling")
					.putObject("term")
					.put("field", "body.exact")
					.put("suggest_mode", "popular")
					.put("size", 1)
					.put("min_word_length", 4);
				ObjectNode highlight = body.putObject("highlight");
				highlight.putArray("pre_tags").add("<mark>");
				highlight.putArray("post_tags").add("</mark>");
				highlight.put("encoder", "html");
				ObjectNode fields = highlight.putObject("fields");
				fields.putObject("title").put("number_of_fragments", 0);
				fields.putObject("lead").put("number_of_fragments", 0);
				fields.putObject("body").put("fragment_size", 160).put("number_of_fragments", 3);
			}
			return body;
		}

		private static ObjectNode text(Query query) {
			if (query.any() != null) {
				ObjectNode any = Http.JSON.createObjectNode();
				ObjectNode bool = any.putObject("bool");
				ArrayNode should = bool.putArray("should");
				query.any().forEach((clause) -> should.add(clause.elasticsearch()));
				bool.put("minimum_should_match", "1");
				return any;
			}
			if (query.all().size() == 1) {
				return query.all().get(0).elasticsearch();
			}
			ObjectNode all = Http.JSON.createObjectNode();
			ArrayNode must = all.putObject("bool").putArray("must");
			query.all().forEach((clause) -> must.add(clause.elasticsearch()));
			return all;
		}

		private static ObjectNode visible() {
			ObjectNode visible = Http.JSON.createObjectNode();
			ObjectNode bool = visible.putObject("bool");
			bool.putArray("filter").add(terms("status", List.of("published")));
			bool.putArray("must_not").addObject().putObject("range").putObject("publishAt").put("gt", "now");
			return visible;
		}

		private static ObjectNode terms(String field, List<String> values) {
			ObjectNode terms = Http.JSON.createObjectNode();
			ArrayNode array = terms.putObject("terms").putArray(field);
			values.forEach(array::add);
			return terms;
		}

		private static ObjectNode all(List<ObjectNode> filters) {
			ObjectNode all = Http.JSON.createObjectNode();
			ArrayNode filter = all.putObject("bool").putArray("filter");
			filters.forEach(filter::add);
			return all;
		}

		private static ObjectNode matchAll() {
			ObjectNode all = Http.JSON.createObjectNode();
			all.putObject("match_all");
			return all;
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		}

	}

}
