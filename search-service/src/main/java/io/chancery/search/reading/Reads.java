package io.chancery.search.reading;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.chancery.web.InvalidParameter;

import org.springframework.stereotype.Component;

/**
 * What every listing and search route does with its parameters: a page by number, or
 * cursor paging through a point in time.
 */
@Component
public class Reads {

	private final ContentSearch search;

	private final ReadingProperties properties;

	Reads(ContentSearch search, ReadingProperties properties) {
		this.search = search;
		this.properties = properties;
	}

	public SearchPage page(Map<String, String[]> parameters, Set<String> allowed, Map<Dimension, List<String>> fixed)
			throws IOException {
		if (parameters.containsKey("cursor")) {
			return next(parameters, allowed, fixed);
		}
		SearchParameters parsed = SearchParameters.of(parameters, withPaging(allowed));
		SearchQuery query = parsed.query(fixed, this.properties.zone(), this.properties.locales());
		if (!parsed.cursorPaging()) {
			return this.search.search(query);
		}
		String pit = this.search.openPointInTime();
		return cursorPage(query, pit, List.of());
	}

	public SearchQuery query(Map<String, String[]> parameters, Set<String> allowed,
			Map<Dimension, List<String>> fixed) {
		return SearchParameters.of(parameters, allowed).query(fixed, this.properties.zone(), this.properties.locales());
	}

	private SearchPage next(Map<String, String[]> parameters, Set<String> allowed, Map<Dimension, List<String>> fixed)
			throws IOException {
		if (parameters.size() > 1 || parameters.get("cursor").length != 1) {
			throw new InvalidParameter("cursor", "must come alone: the cursor carries the search's parameters",
					List.of("cursor=<nextCursor>"));
		}
		Cursor cursor = Cursor.decode(parameters.get("cursor")[0]);
		SearchQuery query = SearchParameters.ofCanonical(cursor.parameters(), allowed)
			.query(fixed, this.properties.zone(), this.properties.locales());
		return cursorPage(query, cursor.pit(), cursor.after());
	}

	private SearchPage cursorPage(SearchQuery query, String pit, List<Object> after) throws IOException {
		ContentSearch.CursorPage page;
		try {
			page = this.search.searchAfter(query, pit, after);
		}
		catch (ElasticsearchException ex) {
			if (ex.status() == 404 || ex.status() == 400) {
				// The point in time expired, or the cursor was tampered with.
				throw Cursor.invalid();
			}
			throw ex;
		}
		String next = null;
		if (page.more()) {
			next = Cursor.of(query.parameters(), page.pit(), page.last()).encode();
		}
		else {
			this.search.closePointInTime(page.pit());
		}
		SearchPage result = page.page();
		return new SearchPage(result.total(), null, result.pageSize(), result.pages(), result.order(), result.results(),
				result.facets(), result.histogram(), result.suggestion(), next);
	}

	private static Set<String> withPaging(Set<String> allowed) {
		if (allowed.contains("paging")) {
			return allowed;
		}
		java.util.Set<String> extended = new java.util.HashSet<>(allowed);
		extended.add("paging");
		return Set.copyOf(extended);
	}

}
