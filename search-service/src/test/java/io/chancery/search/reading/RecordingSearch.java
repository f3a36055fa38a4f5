package io.chancery.search.reading;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The index for the read routes' web-slice tests: answers every search with an empty page
 * and remembers the query it was asked, so a test can hold a route's parameters to the
 * query they become, or show that a refused request never reached the index.
 */
public class RecordingSearch extends ContentSearch {

	private final List<SearchQuery> asked = new CopyOnWriteArrayList<>();

	public RecordingSearch(ReadingLimits limits) {
		// No client: only search is asked, and it answers by itself.
		super(null, null, limits);
	}

	@Override
	public SearchPage search(SearchQuery query) {
		this.asked.add(query);
		return new SearchPage(0, query.page(), query.size(), 0, query.order().parameter(), List.of(), null, null, null,
				null);
	}

	/** The queries asked since the last {@link #forget()}, in order. */
	public List<SearchQuery> asked() {
		return this.asked;
	}

	public void forget() {
		this.asked.clear();
	}

}
