package io.chancery.search.reading;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch._types.query_dsl.ZeroTermsQuery;
import io.chancery.search.query.QueryNode;

/**
 * A search as Elasticsearch queries: what is visible, the text of a query, the filters of
 * each faceted dimension, the order. Every read route asks through these, so an item
 * hidden from one is hidden from all.
 */
public final class Queries {

	/** Fields a word or phrase is looked for in, with their weights. */
	private static final List<String> TEXT_FIELDS = List.of("title^3", "lead^2", "body", "counterCaption^2",
			"people.text^2", "tags.text");

	/** Unstemmed fields, for prefixes: a stem is not a prefix of what the user typed. */
	private static final List<String> EXACT_FIELDS = List.of("title.exact^3", "lead.exact^2", "body.exact",
			"people.text^2");

	private Queries() {
	}

	/** Published, not withdrawn, and past any embargo. */
	public static Query visible() {
		return Query.of((q) -> q.bool((bool) -> bool.filter(terms("status", List.of("published")))
			.mustNot((not) -> not.range((range) -> range.date((date) -> date.field("publishAt").gt("now"))))));
	}

	/**
	 * How the bounds of a date range are written: instants, as {@code Instant} prints
	 * them.
	 */
	private static final String INSTANT = "strict_date_optional_time";

	static Query mainQuery(SearchQuery query) {
		List<Query> filters = new ArrayList<>();
		filters.add(visible());
		if (query.from() != null || query.to() != null) {
			filters.add(Query.of((q) -> q.range((range) -> range.date((date) -> {
				// Bounds are instants, whatever format the field keeps (an event's date
				// is a day).
				date.field(query.dateField().field()).format(INSTANT);
				if (query.from() != null) {
					date.gte(query.from().toString());
				}
				if (query.to() != null) {
					date.lt(query.to().toString());
				}
				return date;
			}))));
		}
		Query text = (query.query() != null) ? text(query.query()) : Query.of((q) -> q.matchAll((all) -> all));
		return Query.of((q) -> q.bool((bool) -> bool.must(text).filter(filters)));
	}

	static Map<Dimension, Query> facetFilters(SearchQuery query) {
		Map<Dimension, Query> filters = new EnumMap<>(Dimension.class);
		for (Dimension dimension : Dimension.values()) {
			List<String> wanted = query.filters().getOrDefault(dimension, List.of());
			List<String> rejected = query.rejects().getOrDefault(dimension, List.of());
			if (wanted.isEmpty() && rejected.isEmpty()) {
				continue;
			}
			BoolQuery.Builder bool = new BoolQuery.Builder();
			if (!wanted.isEmpty()) {
				bool.filter(terms(dimension.field(), wanted));
			}
			if (!rejected.isEmpty()) {
				bool.mustNot(terms(dimension.field(), rejected));
			}
			filters.put(dimension, Query.of((q) -> q.bool(bool.build())));
		}
		return filters;
	}

	static Query text(QueryNode node) {
		return switch (node) {
			case QueryNode.Word word when word.prefix() ->
				Query.of((q) -> q.multiMatch((match) -> match.query(word.text())
					.fields(EXACT_FIELDS)
					.type(TextQueryType.PhrasePrefix)
					.maxExpansions(50)));
			case QueryNode.Word word -> Query.of((q) -> q.multiMatch((match) -> match.query(word.text())
				.fields(TEXT_FIELDS)
				.type(TextQueryType.BestFields)
				.operator(Operator.And)
				// A stop word alone is neutral, so "the speech" finds what "speech"
				// finds.
				.zeroTermsQuery(ZeroTermsQuery.All)));
			case QueryNode.Phrase phrase -> Query.of((q) -> q.multiMatch((match) -> match.query(phrase.text())
				.fields(TEXT_FIELDS)
				.type(TextQueryType.Phrase)
				.zeroTermsQuery(ZeroTermsQuery.All)));
			case QueryNode.All all -> Query.of((q) -> q.bool((bool) -> {
				for (QueryNode clause : all.clauses()) {
					if (clause instanceof QueryNode.Not not) {
						bool.mustNot(text(not.clause()));
					}
					else {
						bool.must(text(clause));
					}
				}
				return bool;
			}));
			case QueryNode.Any any -> Query.of((q) -> q.bool(
					(bool) -> bool.should(any.clauses().stream().map(Queries::text).toList()).minimumShouldMatch("1")));
			case QueryNode.Not not -> Query
				.of((q) -> q.bool((bool) -> bool.must((all) -> all.matchAll((m) -> m)).mustNot(text(not.clause()))));
		};
	}

	public static List<SortOptions> sort(Order order) {
		List<SortOptions> sort = new ArrayList<>();
		if (order == Order.RELEVANCE) {
			sort.add(SortOptions.of((s) -> s.score((score) -> score.order(SortOrder.Desc))));
		}
		SortOrder direction = (order == Order.OLDEST) ? SortOrder.Asc : SortOrder.Desc;
		sort.add(SortOptions.of((s) -> s.field((field) -> field.field("sortDate").order(direction))));
		// Ties broken by the document's identity, so pages never overlap.
		sort.add(SortOptions.of((s) -> s.field((field) -> field.field("type").order(SortOrder.Asc))));
		sort.add(SortOptions.of((s) -> s.field((field) -> field.field("id").order(SortOrder.Asc))));
		sort.add(SortOptions.of((s) -> s.field((field) -> field.field("locale").order(SortOrder.Asc))));
		return sort;
	}

	/**
	 * What a histogram counts: the facets' filters, and only dates between the search's
	 * {@code from} (else {@link Interval#EARLIEST}) and {@code to} (else
	 * {@link Interval#LATEST}), so it never has more buckets than SearchParameters
	 * allowed, whatever dates the content has. (Elasticsearch's own {@code hard_bounds}
	 * fails on a histogram with no document: ArrayIndexOutOfBoundsException in 9.2.8.)
	 */
	static List<Query> histogramFilters(SearchQuery query, Map<Dimension, Query> facetFilters) {
		List<Query> filters = new ArrayList<>(facetFilters.values());
		String from = ((query.from() != null) ? query.from() : Interval.EARLIEST).toString();
		String to = ((query.to() != null) ? query.to() : Interval.LATEST).toString();
		filters.add(Query.of((q) -> q.range((range) -> range
			.date((date) -> date.field(query.dateField().field()).format(INSTANT).gte(from).lt(to)))));
		return filters;
	}

	public static Query terms(String field, List<String> values) {
		return Query.of((q) -> q
			.terms((terms) -> terms.field(field).terms((t) -> t.value(values.stream().map(FieldValue::of).toList()))));
	}

	public static Query all(List<Query> filters) {
		return Query.of((q) -> q.bool((bool) -> bool.filter(filters)));
	}

}
