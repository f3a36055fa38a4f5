package io.chancery.search.reading;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.chancery.search.query.QueryNode;
import org.jspecify.annotations.Nullable;

/**
 * A validated listing or search, whatever route it came from.
 *
 * @param text the query as typed, for the spelling suggestion
 * @param query the parsed query, or {@code null} for everything
 * @param filters values a result must have one of, by dimension
 * @param rejects values a result must have none of, by dimension
 * @param dateField the date {@code from}, {@code to} and the histogram apply to
 * @param from the earliest instant, inclusive
 * @param to the latest instant, exclusive
 * @param zone the zone dates and histogram buckets are read in
 * @param facets the facets to count
 * @param histogram the histogram's bucket width, if one is wanted
 * @param order the order
 * @param page the page, from 1
 * @param size the page size
 * @param parameters the request's parameters in canonical form, carried in a cursor
 */
public record SearchQuery(@Nullable String text, @Nullable QueryNode query, Map<Dimension, List<String>> filters,
		Map<Dimension, List<String>> rejects, DateField dateField, @Nullable Instant from, @Nullable Instant to,
		ZoneId zone, List<Dimension> facets, @Nullable Interval histogram, Order order, int page, int size,
		Map<String, List<String>> parameters) {

	int offset() {
		return (this.page - 1) * this.size;
	}

}
