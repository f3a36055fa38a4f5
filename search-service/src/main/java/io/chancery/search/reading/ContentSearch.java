package io.chancery.search.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SuggestMode;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.util.NamedValue;
import io.chancery.search.elasticsearch.ContentIndex;
import io.chancery.search.web.Busy;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Runs listings and searches against the content index. Only published items whose
 * embargo has passed are ever listed; filters on faceted dimensions go into a post filter
 * so that each facet is counted without its own filter, as faceted navigation expects.
 */
@Component
public class ContentSearch {

	private static final List<String> SUMMARY_EXCLUDES = List.of("body", "bodyHtml");

	private static final int FACET_SIZE = 25;

	private final ElasticsearchClient client;

	private final SearchAnswers answers;

	private final ReadingLimits limits;

	/** The points in time this instance opened, by id, with when each expires. */
	private final ConcurrentMap<String, Long> openPointsInTime = new ConcurrentHashMap<>();

	public ContentSearch(ElasticsearchClient client, SearchAnswers answers, ReadingLimits limits) {
		this.client = client;
		this.answers = answers;
		this.limits = limits;
	}

	/** One page of a search, by page number. */
	public SearchPage search(SearchQuery query) throws IOException {
		SearchRequest request = request(query, null, null).from(query.offset()).build();
		return page(query, this.answers.search(request), query.page());
	}

	/**
	 * One page of a search that pages by cursor, through a point in time.
	 * @param pit the point in time, open
	 * @param after the sort values of the last result of the page before, or empty for
	 * the first page
	 */
	public CursorPage searchAfter(SearchQuery query, String pit, List<Object> after) throws IOException {
		SearchAnswers.Answer answer = this.answers.search(request(query, pit, after).build());
		String next = (answer.pitId() != null) ? answer.pitId() : pit;
		if (this.openPointsInTime.remove(pit) != null || !next.equals(pit)) {
			this.openPointsInTime.put(next, expiry());
		}
		List<SearchAnswers.Hit> hits = answer.hits().hits();
		List<Object> last = hits.isEmpty() ? List.of() : hits.get(hits.size() - 1).sort();
		boolean more = hits.size() == query.size();
		SearchPage page = page(query, answer, null);
		return new CursorPage(page, next, (last != null) ? last : List.of(), more);
	}

	/**
	 * Opens a point in time over the content index, for cursor paging and exports, if
	 * fewer than the limit are open.
	 * @throws Busy when as many are open as the limit allows
	 */
	public String openPointInTime() throws IOException {
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
	public long count(SearchQuery query) throws IOException {
		List<Query> filters = new ArrayList<>(List.of(Queries.mainQuery(query)));
		filters.addAll(Queries.facetFilters(query).values());
		return this.client.count((count) -> count.index(ContentIndex.ALIAS).query(Queries.all(filters))).count();
	}

	private co.elastic.clients.elasticsearch._types.Time keepAlive() {
		return co.elastic.clients.elasticsearch._types.Time
			.of((time) -> time.time(this.limits.cursorKeepAlive().toSeconds() + "s"));
	}

	private long expiry() {
		return System.nanoTime() + this.limits.cursorKeepAlive().toNanos();
	}

	public void closePointInTime(String pit) {
		this.openPointsInTime.remove(pit);
		try {
			this.client.closePointInTime((close) -> close.id(pit));
		}
		catch (IOException | RuntimeException ex) {
			// It expires by itself within its keep-alive.
		}
	}

	private SearchRequest.Builder request(SearchQuery query, @Nullable String pit, @Nullable List<Object> after) {
		SearchRequest.Builder request = new SearchRequest.Builder();
		if (pit != null) {
			request.pit((p) -> p.id(pit).keepAlive(keepAlive()));
			if (after != null && !after.isEmpty()) {
				request.searchAfter(fieldValues(after));
			}
		}
		else {
			request.index(ContentIndex.ALIAS);
		}
		request.size(query.size())
			.trackTotalHits((track) -> track.enabled(true))
			.source((source) -> source.filter((filter) -> filter.excludes(SUMMARY_EXCLUDES)))
			.query(Queries.mainQuery(query))
			.sort(Queries.sort(query.order()));
		Map<Dimension, Query> facetFilters = Queries.facetFilters(query);
		if (!facetFilters.isEmpty()) {
			request.postFilter(Queries.all(new ArrayList<>(facetFilters.values())));
		}
		if (pit == null || after == null || after.isEmpty()) {
			for (Dimension facet : query.facets()) {
				List<Query> others = new ArrayList<>();
				facetFilters.forEach((dimension, filter) -> {
					if (dimension != facet) {
						others.add(filter);
					}
				});
				request.aggregations("facet-" + facet.parameter(), Aggregation.of((agg) -> agg
					.filter(Queries.all(others))
					.aggregations("values",
							Aggregation.of((terms) -> terms.terms((t) -> t.field(facet.field()).size(FACET_SIZE))))));
			}
			if (query.histogram() != null) {
				request.aggregations("histogram",
						Aggregation.of((agg) -> agg.filter(Queries.all(Queries.histogramFilters(query, facetFilters)))
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

	private static SearchPage page(SearchQuery query, SearchAnswers.Answer answer, @Nullable Integer page) {
		long total = answer.total();
		List<ContentSummary> results = new ArrayList<>();
		for (SearchAnswers.Hit hit : answer.hits().hits()) {
			if (hit.source() != null) {
				results.add(ContentSummary.of(hit.source(), hit.highlights()));
			}
		}
		Map<String, List<SearchPage.FacetValue>> facets = null;
		if (!query.facets().isEmpty()
				&& answer.buckets("facet-" + query.facets().get(0).parameter(), "values") != null) {
			facets = new LinkedHashMap<>();
			for (Dimension facet : query.facets()) {
				List<SearchAnswers.Bucket> buckets = answer.buckets("facet-" + facet.parameter(), "values");
				facets.put(facet.parameter(),
						(buckets != null) ? buckets.stream()
							.map((bucket) -> new SearchPage.FacetValue(String.valueOf(bucket.key()), bucket.docCount()))
							.toList() : List.of());
			}
		}
		SearchPage.Histogram histogram = null;
		List<SearchAnswers.Bucket> days = (query.histogram() != null) ? answer.buckets("histogram", "buckets") : null;
		if (days != null) {
			histogram = new SearchPage.Histogram(query.dateField().parameter(), query.histogram().parameter(),
					query.zone().getId(),
					days.stream()
						.map((bucket) -> new SearchPage.Bucket(bucket.keyAsString(), bucket.docCount()))
						.toList());
		}
		String suggestion = suggestion(query, answer);
		long pages = (total + query.size() - 1) / query.size();
		return new SearchPage(total, page, query.size(), pages, query.order().parameter(), results, facets, histogram,
				suggestion, null);
	}

	/** Sort values as read from an answer or a cursor, for {@code search_after}. */
	private static List<FieldValue> fieldValues(List<Object> after) {
		List<FieldValue> values = new ArrayList<>();
		for (Object value : after) {
			values.add(switch (value) {
				case null -> FieldValue.NULL;
				case Integer number -> FieldValue.of(number.longValue());
				case Long number -> FieldValue.of(number);
				case Number number -> FieldValue.of(number.doubleValue());
				case Boolean bool -> FieldValue.of(bool);
				default -> FieldValue.of(value.toString());
			});
		}
		return values;
	}

	/** The query with each misspelt-looking word replaced by its likeliest correction. */
	private static @Nullable String suggestion(SearchQuery query, SearchAnswers.Answer answer) {
		List<SearchAnswers.SuggestedWord> words = (answer.suggest() != null) ? answer.suggest().get("spelling") : null;
		if (words == null || query.text() == null) {
			return null;
		}
		String corrected = query.text();
		boolean changed = false;
		for (SearchAnswers.SuggestedWord suggested : words) {
			if (suggested.options() == null || suggested.options().isEmpty()) {
				continue;
			}
			String word = suggested.text();
			String replacement = suggested.options().get(0).text();
			int at = corrected.toLowerCase(java.util.Locale.ROOT).indexOf(word);
			if (at >= 0) {
				corrected = corrected.substring(0, at) + replacement + corrected.substring(at + word.length());
				changed = true;
			}
		}
		return changed ? corrected : null;
	}

	/**
	 * A page read through a point in time.
	 *
	 * @param page the results
	 * @param pit the point in time to continue with
	 * @param last the sort values of the page's last result
	 * @param more whether another page may follow
	 */
	public record CursorPage(SearchPage page, String pit, List<Object> last, boolean more) {
	}

}
