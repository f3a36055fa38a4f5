package io.chancery.search.reading.listings;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.chancery.search.elasticsearch.ContentIndex;
import io.chancery.search.reading.ContentItem;
import io.chancery.search.reading.ContentSummary;
import io.chancery.search.reading.Queries;
import io.chancery.search.reading.SearchAnswers;
import io.chancery.search.reading.StoredContent;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the item pages and the archive ask of the index beyond listings: one item by its
 * identity, items like it, and how many messages each month holds.
 */
@Component
class Items {

	private static final List<String> SUMMARY_EXCLUDES = List.of("body", "bodyHtml");

	private final ElasticsearchClient client;

	private final SearchAnswers answers;

	Items(ElasticsearchClient client, SearchAnswers answers) {
		this.client = client;
		this.answers = answers;
	}

	/** One item, published or withdrawn with a note; empty when never published. */
	Optional<StoredContent> item(String type, String id, String locale) throws IOException {
		GetResponse<StoredContent> response = this.client
			.get((get) -> get.index(ContentIndex.ALIAS).id(type + ":" + id + ":" + locale), StoredContent.class);
		return (response.found()) ? Optional.ofNullable(response.source()) : Optional.empty();
	}

	/** An item as its page shows it, with the locales it is also public in. */
	ContentItem withTranslations(StoredContent content) throws IOException {
		Map<String, String> translations = new java.util.LinkedHashMap<>();
		String path = "/api/v1/" + ("event".equals(content.type()) ? "events/" : "articles/")
				+ org.springframework.web.util.UriUtils.encodePathSegment(content.id(),
						java.nio.charset.StandardCharsets.UTF_8)
				+ "?locale=";
		for (String other : translations(content.type(), content.id(), content.locale())) {
			translations.put(other, path + other);
		}
		return ContentItem.of(content, translations);
	}

	/** Items like the given one, by their text, newest revision of each. */
	List<ContentSummary> related(String type, String id, String locale, int size) throws IOException {
		String documentId = type + ":" + id + ":" + locale;
		SearchAnswers.Answer answer = this.answers.search(
				SearchRequest.of(
						(search) -> search.index(ContentIndex.ALIAS)
							.size(size)
							.source((source) -> source.filter((filter) -> filter.excludes(SUMMARY_EXCLUDES)))
							.query((q) -> q.bool(
									(bool) -> bool
										.must((must) -> must.moreLikeThis((mlt) -> mlt.fields("title", "lead", "body")
											.like((like) -> like.document(
													(document) -> document.index(ContentIndex.ALIAS).id(documentId)))
											.minTermFreq(1)
											.minDocFreq(1)
											.maxQueryTerms(25)
											// The closest rank first; one shared term
											// makes a
											// candidate.
											.minimumShouldMatch("1")))
										.filter(Queries.visible())
										.filter(Queries.terms("locale", List.of(locale)))))));
		return answer.hits()
			.hits()
			.stream()
			.filter((hit) -> hit.source() != null)
			.map((hit) -> ContentSummary.of(hit.source(), Map.of()))
			.toList();
	}

	/**
	 * The locales an item is also visible in, besides {@code locale}: its translations,
	 * which share its type and id.
	 */
	List<String> translations(String type, String id, String locale) throws IOException {
		SearchAnswers.Answer answer = this.answers.search(SearchRequest.of((search) -> search.index(ContentIndex.ALIAS)
			.size(20)
			.source((source) -> source.filter((filter) -> filter.excludes(SUMMARY_EXCLUDES)))
			.query(Queries.all(
					List.of(Queries.visible(), Queries.terms("type", List.of(type)), Queries.terms("id", List.of(id)))))
			.sort((sort) -> sort.field((field) -> field.field("locale")))));
		return answer.hits()
			.hits()
			.stream()
			.filter((hit) -> hit.source() != null && !locale.equals(hit.source().locale()))
			.map((hit) -> hit.source().locale())
			.toList();
	}

	/** Months with at least one visible message, newest first. */
	List<Month> months(@Nullable String locale, ZoneId zoneId) throws IOException {
		SearchResponse<Void> response = this.client
			.search((search) -> search.index(ContentIndex.ALIAS).size(0).query((q) -> q.bool((bool) -> {
				bool.filter(Queries.visible());
				if (locale != null) {
					bool.filter((f) -> f.term((t) -> t.field("locale").value(locale)));
				}
				return bool;
			}))
				.aggregations("months",
						Aggregation.of((agg) -> agg.dateHistogram((d) -> d.field("sortDate")
							.calendarInterval(CalendarInterval.Month)
							.timeZone(zoneId.getId())
							.format("yyyy-MM-dd")
							.minDocCount(1)))),
					Void.class);
		return response.aggregations()
			.get("months")
			.dateHistogram()
			.buckets()
			.array()
			.reversed()
			.stream()
			.map((bucket) -> {
				LocalDate first = LocalDate.parse(bucket.keyAsString());
				return new Month(first.getYear(), first.getMonthValue(), bucket.docCount());
			})
			.toList();
	}

	/**
	 * A month of the archive.
	 *
	 * @param year the year
	 * @param month the month, 1 to 12
	 * @param count how many messages it has
	 */
	record Month(int year, int month, long count) {
	}

}
