package io.chancery.search.reading;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The envelope of every listing and search.
 *
 * @param total how many items match
 * @param page this page's number, from 1 ({@code null} when paging by cursor)
 * @param pageSize the page size
 * @param pages how many pages there are at this size
 * @param order the order of the results
 * @param results this page's results
 * @param facets counts per value, by facet; each facet counted without its own filter
 * @param histogram counts per date bucket, when asked for
 * @param suggestion a corrected query, when some words look misspelt
 * @param nextCursor where the next page starts, when paging by cursor and more results
 * remain
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchPage(long total, @Nullable Integer page, int pageSize, long pages, String order,
		List<ContentSummary> results, @Nullable Map<String, List<FacetValue>> facets, @Nullable Histogram histogram,
		@Nullable String suggestion, @Nullable String nextCursor) {

	/**
	 * One value of a facet.
	 *
	 * @param value the value
	 * @param count how many results have it
	 */
	record FacetValue(String value, long count) {
	}

	/**
	 * A date histogram.
	 *
	 * @param field the date it counts
	 * @param interval the bucket width
	 * @param zone the zone buckets start in
	 * @param buckets the buckets, oldest first
	 */
	record Histogram(String field, String interval, String zone, List<Bucket> buckets) {
	}

	/**
	 * One bucket.
	 *
	 * @param start the bucket's first day, in the histogram's zone
	 * @param count how many results fall in it
	 */
	record Bucket(String start, long count) {
	}

}
