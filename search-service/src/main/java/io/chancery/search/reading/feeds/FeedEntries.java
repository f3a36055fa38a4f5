package io.chancery.search.reading.feeds;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.chancery.search.elasticsearch.ContentIndex;
import io.chancery.search.reading.Order;
import io.chancery.search.reading.Queries;
import io.chancery.search.reading.SearchAnswers;
import io.chancery.search.reading.StoredContent;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** What a feed page lists: visible items of one type, newest first, in full. */
@Component
class FeedEntries {

	private final SearchAnswers answers;

	FeedEntries(SearchAnswers answers) {
		this.answers = answers;
	}

	/**
	 * A page of a feed: visible items of one type, newest first, with their full text.
	 * @param kind an article kind, or {@code null} for all
	 */
	Page page(String type, @Nullable String kind, String locale, int page, int size) throws IOException {
		List<Query> filters = new ArrayList<>(List.of(Queries.visible(), Queries.terms("type", List.of(type)),
				Queries.terms("locale", List.of(locale))));
		if (kind != null) {
			filters.add(Queries.terms("kind", List.of(kind)));
		}
		SearchAnswers.Answer answer = this.answers.search(SearchRequest.of((search) -> search.index(ContentIndex.ALIAS)
			.from((page - 1) * size)
			.size(size)
			.trackTotalHits((track) -> track.enabled(true))
			.query(Queries.all(filters))
			.sort(Queries.sort(Order.NEWEST))));
		List<StoredContent> entries = answer.hits()
			.hits()
			.stream()
			.map(SearchAnswers.Hit::source)
			.filter(java.util.Objects::nonNull)
			.toList();
		return new Page(entries, answer.total());
	}

	/**
	 * Entries of a feed page and how many there are in all.
	 *
	 * @param entries the entries
	 * @param total all entries of the feed
	 */
	record Page(List<StoredContent> entries, long total) {
	}

}
