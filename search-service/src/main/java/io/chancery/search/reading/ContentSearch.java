package io.chancery.search.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch._types.query_dsl.ZeroTermsQuery;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import co.elastic.clients.util.NamedValue;
import io.chancery.search.elasticsearch.ContentIndex;
import io.chancery.search.query.QueryNode;
import io.chancery.search.web.Busy;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Runs listings and searches against the content index. Only published items whose
 * embargo has passed are ever listed; filters on faceted dimensions go into a post filter
 * so that each facet is counted without its own filter, as faceted navigation expects.
 */
@Component
class ContentSearch {

	/** Fields a word or phrase is looked for in, with their weights. */
	private static final List<String> TEXT_FIELDS = List.of("title^3", "lead^2", "body", "counterCaption^2",
			"people.text^2", "tags.text");

	/** Unstemmed fields, for prefixes: a stem is not a prefix of what the user typed. */
	private static final List<String> EXACT_FIELDS = List.of("title.exact^3", "lead.exact^2", "body.exact",
			"people.text^2");

	private static final List<String> SUMMARY_EXCLUDES = List.of("body", "bodyHtml");

	private static final int FACET_SIZE = 25;

	private final ElasticsearchClient client;

	private final ReadingLimits limits;

	/** The points in time this instance opened, by id, with when each expires. */
	private final ConcurrentMap<String, Long> openPointsInTime = new ConcurrentHashMap<>();

	ContentSearch(ElasticsearchClient client, ReadingLimits limits) {
		this.client = client;
		this.limits = limits;
	}

	/** One page of a search, by page number. */
	SearchPage search(SearchQuery query) throws IOException {
		SearchRequest request = request(query, null, null).from(query.offset()).build();
		SearchResponse<StoredContent> response = this.client.search(request, StoredContent.class);
		return page(query, response, query.page(), null);
	}

	/**
	 * One page of a search that pages by cursor, through a point in time.
	 * @param pit the point in time, open
	 * @param after the sort values of the last result of the page before, or empty for
	 * the first page
	 */
	CursorPage searchAfter(SearchQuery query, String pit, List<FieldValue> after) throws IOException {
		SearchResponse<StoredContent> response = this.client.search(request(query, pit, after).build(),
				StoredContent.class);
		String next = (response.pitId() != null) ? response.pitId() : pit;
		if (this.openPointsInTime.remove(pit) != null || !next.equals(pit)) {
			this.openPointsInTime.put(next, expiry());
		}
		List<Hit<StoredContent>> hits = response.hits().hits();
		List<FieldValue> last = hits.isEmpty() ? List.of() : hits.get(hits.size() - 1).sort();
		boolean more = hits.size() == query.size();
		SearchPage page = page(query, response, null, null);
		return new CursorPage(page, next, last, more);
	}

	/**
	 * Opens a point in time over the content index, for cursor paging and exports, if
	 * fewer than the limit are open.
	 * @throws Busy when as many are open as the limit allows
	 */
	String openPointInTime() throws IOException {
		long now = System.nanoTime();
		this.openPointsInTime.values().removeIf((expires) -> expires - now < 0);
		if (this.openPointsInTime.size() >= this.limits.maxOpenCursors()) {
			long soonest = this.openPointsInTime.values()
				.stream()
				.mapToLong((expires) -> expires - now)
				.min()
				.orElse(0);
			throw new Busy(
					"As many cursors and exports are open as this service holds at once ("
							+ this.limits.maxOpenCursors() + "); try again shortly.",
					TimeUnit.NANOSECONDS.toSeconds(soonest));
		}
		String pit = this.client.openPointInTime((open) -> open.index(ContentIndex.ALIAS).keepAlive(keepAlive())).id();
		this.openPointsInTime.put(pit, expiry());
		return pit;
	}

	/** How many results a search has, without reading any. */
	long count(SearchQuery query) throws IOException {
		List<Query> filters = new ArrayList<>(List.of(mainQuery(query)));
		filters.addAll(facetFilters(query).values());
		return this.client.count((count) -> count.index(ContentIndex.ALIAS).query(all(filters))).count();
	}

	private co.elastic.clients.elasticsearch._types.Time keepAlive() {
		return co.elastic.clients.elasticsearch._types.Time
			.of((time) -> time.time(this.limits.cursorKeepAlive().toSeconds() + "s"));
	}

	private long expiry() {
		return System.nanoTime() + this.limits.cursorKeepAlive().toNanos();
	}

	void closePointInTime(String pit) {
		this.openPointsInTime.remove(pit);
		try {
			this.client.closePointInTime((close) -> close.id(pit));
		}
		catch (IOException | RuntimeException ex) {
			// It expires by itself within its keep-alive.
		}
	}

	/**
	 * A page of a feed: visible items of one type, newest first, with their full text.
	 * @param kind an article kind, or {@code null} for all
	 */
	FeedPage feed(String type, @Nullable String kind, String locale, int page, int size) throws IOException {
		List<Query> filters = new ArrayList<>(
				List.of(visible(), terms("type", List.of(type)), terms("locale", List.of(locale))));
		if (kind != null) {
			filters.add(terms("kind", List.of(kind)));
		}
		SearchResponse<StoredContent> response = this.client.search((search) -> search.index(ContentIndex.ALIAS)
			.from((page - 1) * size)
			.size(size)
			.trackTotalHits((track) -> track.enabled(true))
			.query(all(filters))
			.sort(sort(Order.NEWEST)), StoredContent.class);
		List<StoredContent> entries = response.hits()
			.hits()
			.stream()
			.map(Hit::source)
			.filter(java.util.Objects::nonNull)
			.toList();
		long total = (response.hits().total() != null) ? response.hits().total().value() : 0;
		return new FeedPage(entries, total);
	}

	/**
	 * Entries of a feed page and how many there are in all.
	 *
	 * @param entries the entries
	 * @param total all entries of the feed
	 */
	record FeedPage(List<StoredContent> entries, long total) {
	}

	/** One item, published or withdrawn with a note; empty when never published. */
	Optional<StoredContent> item(String type, String id, String locale) throws IOException {
		GetResponse<StoredContent> response = this.client
			.get((get) -> get.index(ContentIndex.ALIAS).id(type + ":" + id + ":" + locale), StoredContent.class);
		return (response.found()) ? Optional.ofNullable(response.source()) : Optional.empty();
	}

	/** Items like the given one, by their text, newest revision of each. */
	List<ContentSummary> related(String type, String id, String locale, int size) throws IOException {
		String documentId = type + ":" + id + ":" + locale;
		SearchResponse<StoredContent> response = this.client.search(
				(search) -> search.index(ContentIndex.ALIAS)
					.size(size)
					.source((source) -> source.filter((filter) -> filter.excludes(SUMMARY_EXCLUDES)))
					.query((q) -> q.bool(
							(bool) -> bool
								.must((must) -> must.moreLikeThis((mlt) -> mlt.fields("title", "lead", "body")
									.like((like) -> like
										.document((document) -> document.index(ContentIndex.ALIAS).id(documentId)))
									.minTermFreq(1)
									.minDocFreq(1)
									.maxQueryTerms(25)
									// The closest rank first; one shared term makes a
									// candidate.
									.minimumShouldMatch("1")))
								.filter(visible())
								.filter(terms("locale", List.of(locale))))),
				StoredContent.class);
		return response.hits()
			.hits()
			.stream()
			.filter((hit) -> hit.source() != null)
			.map((hit) -> ContentSummary.of(hit.source(), Map.of()))
			.toList();
	}

	private SearchRequest.Builder request(SearchQuery query, @Nullable String pit, @Nullable List<FieldValue> after) {
		SearchRequest.Builder request = new SearchRequest.Builder();
		if (pit != null) {
			request.pit((p) -> p.id(pit).keepAlive(keepAlive()));
			if (after != null && !after.isEmpty()) {
				request.searchAfter(after);
			}
		}
		else {
			request.index(ContentIndex.ALIAS);
		}
		request.size(query.size())
			.trackTotalHits((track) -> track.enabled(true))
			.source((source) -> source.filter((filter) -> filter.excludes(SUMMARY_EXCLUDES)))
			.query(mainQuery(query))
			.sort(sort(query.order()));
		Map<Dimension, Query> facetFilters = facetFilters(query);
		if (!facetFilters.isEmpty()) {
			request.postFilter(all(new ArrayList<>(facetFilters.values())));
		}
		if (pit == null || after == null || after.isEmpty()) {
			for (Dimension facet : query.facets()) {
				List<Query> others = new ArrayList<>();
				facetFilters.forEach((dimension, filter) -> {
					if (dimension != facet) {
						others.add(filter);
					}
				});
				request.aggregations("facet-" + facet.parameter(), Aggregation.of((agg) -> agg.filter(all(others))
					.aggregations("values",
							Aggregation.of((terms) -> terms.terms((t) -> t.field(facet.field()).size(FACET_SIZE))))));
			}
			if (query.histogram() != null) {
				request.aggregations("histogram",
						Aggregation.of((agg) -> agg.filter(all(histogramFilters(query, facetFilters)))
							.aggregations("buckets", Aggregation
								.of((histogram) -> histogram.dateHistogram((d) -> d.field(query.dateField().field())
									.calendarInterval(query.histogram().calendar())
									.timeZone(query.zone().getId())
									.format("yyyy-MM-dd")
									.minDocCount(0))))));
			}
			if (query.query() != null && query.text() != null) {
				request.suggest((suggest) -> suggest.text(query.text())
					.suggesters("spelling",
							(field) -> field.term((term) -> term.field("body.exact")
								.suggestMode(SuggestMode.Popular)
								.size(1)
								.minWordLength(4))));
			}
		}
		if (query.query() != null) {
			request.highlight((highlight) -> highlight.preTags("<mark>")
				.postTags("</mark>")
				.encoder(co.elastic.clients.elasticsearch.core.search.HighlighterEncoder.Html)
				.fields(NamedValue.of("title", HighlightField.of((field) -> field.numberOfFragments(0))),
						NamedValue.of("lead", HighlightField.of((field) -> field.numberOfFragments(0))), NamedValue
							.of("body", HighlightField.of((field) -> field.fragmentSize(160).numberOfFragments(3)))));
		}
		return request;
	}

	private static Query mainQuery(SearchQuery query) {
		List<Query> filters = new ArrayList<>();
		filters.add(visible());
		if (query.from() != null || query.to() != null) {
			filters.add(Query.of((q) -> q.range((range) -> range.date((date) -> {
				date.field(query.dateField().field());
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

	/** Published, not withdrawn, and past any embargo. */
	static Query visible() {
		return Query.of((q) -> q.bool((bool) -> bool.filter(terms("status", List.of("published")))
			.mustNot((not) -> not.range((range) -> range.date((date) -> date.field("publishAt").gt("now"))))));
	}

	private static Map<Dimension, Query> facetFilters(SearchQuery query) {
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
			case QueryNode.Any any ->
				Query.of((q) -> q.bool((bool) -> bool.should(any.clauses().stream().map(ContentSearch::text).toList())
					.minimumShouldMatch("1")));
			case QueryNode.Not not -> Query
				.of((q) -> q.bool((bool) -> bool.must((all) -> all.matchAll((m) -> m)).mustNot(text(not.clause()))));
		};
	}

	private static List<SortOptions> sort(Order order) {
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

	private static SearchPage page(SearchQuery query, SearchResponse<StoredContent> response, @Nullable Integer page,
			@Nullable String nextCursor) {
		long total = (response.hits().total() != null) ? response.hits().total().value() : 0;
		List<ContentSummary> results = new ArrayList<>();
		for (Hit<StoredContent> hit : response.hits().hits()) {
			if (hit.source() != null) {
				results.add(ContentSummary.of(hit.source(), hit.highlight()));
			}
		}
		Map<String, List<SearchPage.FacetValue>> facets = null;
		SearchPage.Histogram histogram = null;
		Map<String, Aggregate> aggregations = response.aggregations();
		if (!query.facets().isEmpty() && aggregations.containsKey("facet-" + query.facets().get(0).parameter())) {
			facets = new LinkedHashMap<>();
			for (Dimension facet : query.facets()) {
				Aggregate values = aggregations.get("facet-" + facet.parameter()).filter().aggregations().get("values");
				facets.put(facet.parameter(),
						values.sterms()
							.buckets()
							.array()
							.stream()
							.map((bucket) -> new SearchPage.FacetValue(bucket.key().stringValue(), bucket.docCount()))
							.toList());
			}
		}
		if (query.histogram() != null && aggregations.containsKey("histogram")) {
			Aggregate buckets = aggregations.get("histogram").filter().aggregations().get("buckets");
			histogram = new SearchPage.Histogram(query.dateField().parameter(), query.histogram().parameter(),
					query.zone().getId(),
					buckets.dateHistogram()
						.buckets()
						.array()
						.stream()
						.map((bucket) -> new SearchPage.Bucket(bucket.keyAsString(), bucket.docCount()))
						.toList());
		}
		String suggestion = suggestion(query, response);
		long pages = (total + query.size() - 1) / query.size();
		return new SearchPage(total, page, query.size(), pages, query.order().parameter(), results, facets, histogram,
				suggestion, nextCursor);
	}

	/** The query with each misspelt-looking word replaced by its likeliest correction. */
	private static @Nullable String suggestion(SearchQuery query, SearchResponse<StoredContent> response) {
		List<Suggestion<StoredContent>> suggestions = response.suggest().get("spelling");
		if (suggestions == null || query.text() == null) {
			return null;
		}
		String corrected = query.text();
		boolean changed = false;
		for (Suggestion<StoredContent> suggestion : suggestions) {
			if (!suggestion.isTerm()) {
				continue;
			}
			List<TermSuggestOption> options = suggestion.term().options();
			if (options.isEmpty()) {
				continue;
			}
			String word = suggestion.term().text();
			String replacement = options.get(0).text();
			int at = corrected.toLowerCase(java.util.Locale.ROOT).indexOf(word);
			if (at >= 0) {
				corrected = corrected.substring(0, at) + replacement + corrected.substring(at + word.length());
				changed = true;
			}
		}
		return changed ? corrected : null;
	}

	/**
	 * What a histogram counts: the facets' filters, and only dates between the search's
	 * {@code from} (else {@link Interval#EARLIEST}) and {@code to} (else
	 * {@link Interval#LATEST}), so it never has more buckets than SearchParameters
	 * allowed, whatever dates the content has. (Elasticsearch's own {@code hard_bounds}
	 * fails on a histogram with no document: ArrayIndexOutOfBoundsException in 9.2.8.)
	 */
	private static List<Query> histogramFilters(SearchQuery query, Map<Dimension, Query> facetFilters) {
		List<Query> filters = new ArrayList<>(facetFilters.values());
		String from = ((query.from() != null) ? query.from() : Interval.EARLIEST).toString();
		String to = ((query.to() != null) ? query.to() : Interval.LATEST).toString();
		filters.add(Query.of((q) -> q
			.range((range) -> range.date((date) -> date.field(query.dateField().field()).gte(from).lt(to)))));
		return filters;
	}

	private static Query terms(String field, List<String> values) {
		return Query.of((q) -> q
			.terms((terms) -> terms.field(field).terms((t) -> t.value(values.stream().map(FieldValue::of).toList()))));
	}

	private static Query all(List<Query> filters) {
		return Query.of((q) -> q.bool((bool) -> bool.filter(filters)));
	}

	/**
	 * A page read through a point in time.
	 *
	 * @param page the results
	 * @param pit the point in time to continue with
	 * @param last the sort values of the page's last result
	 * @param more whether another page may follow
	 */
	record CursorPage(SearchPage page, String pit, List<FieldValue> last, boolean more) {
	}

}
