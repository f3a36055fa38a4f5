package io.chancery.search.reading;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch's answer read as a page reads it, from an answer of the shape
 * Elasticsearch 9 gives without {@code typed_keys}; SearchIntegrationTests read real
 * ones.
 */
class SearchAnswersTests {

	private static final String ANSWER = """
			{
			  "pit_id": "next-pit==",
			  "took": 3,
			  "timed_out": false,
			  "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
			  "hits": {
			    "total": {"value": 42, "relation": "eq"},
			    "max_score": null,
			    "hits": [
			      {
			        "_index": "content-v7",
			        "_id": "article:a-1:en",
			        "_score": 2.5,
			        "_source": {
			          "type": "article", "id": "a-1", "locale": "en", "revision": 3, "status": "published",
			          "kind": "speech", "title": "On treaties", "lead": "A lead",
			          "deliveredAt": "2026-12-02T19:00:00+03:00", "sortDate": "2026-12-02T16:00:00Z",
			          "people": ["The Ambassador"], "tags": ["trade", "law"], "aFieldOfLaterBuilds": {"nested": true}
			        },
			        "highlight": {"title": ["On <mark>treaties</mark>"]},
			        "sort": [2.5, 1764691200000, "article", "a-1", "en"]
			      },
			      {
			        "_index": "content-v7",
			        "_id": "event:e-1:en",
			        "_score": null,
			        "_source": {"type": "event", "id": "e-1", "locale": "en", "revision": 1, "status": "published",
			          "date": "2026-11-30"},
			        "sort": [null, 1764460800000, "event", "e-1", "en"]
			      }
			    ]
			  },
			  "aggregations": {
			    "facet-kind": {"doc_count": 42, "values": {"doc_count_error_upper_bound": 0, "sum_other_doc_count": 0,
			      "buckets": [{"key": "speech", "doc_count": 30}, {"key": "interview", "doc_count": 12}]}},
			    "histogram": {"doc_count": 42, "buckets": {"buckets": [
			      {"key_as_string": "2026-11-01", "key": 1761955200000, "doc_count": 10},
			      {"key_as_string": "2026-12-01", "key": 1764547200000, "doc_count": 32}]}}
			  },
			  "suggest": {"spelling": [
			    {"text": "tretaies", "offset": 0, "length": 8, "options": [{"text": "treaties", "score": 0.75, "freq": 9}]},
			    {"text": "trade", "offset": 9, "length": 5, "options": []}
			  ]}
			}
			""";

	@Test
	void readsWhatAPageShowsAndSkipsTheRest() {
		SearchAnswers.Answer answer = read(ANSWER);

		assertThat(answer.total()).isEqualTo(42);
		assertThat(answer.pitId()).isEqualTo("next-pit==");
		SearchAnswers.Hit first = answer.hits().hits().get(0);
		assertThat(first.source().title()).isEqualTo("On treaties");
		assertThat(first.source().deliveredAt()).isEqualTo(OffsetDateTime.parse("2026-12-02T19:00:00+03:00"));
		assertThat(first.source().sortDate()).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
		assertThat(first.source().people()).containsExactly("The Ambassador");
		assertThat(first.highlights()).containsEntry("title", List.of("On <mark>treaties</mark>"));
		assertThat(first.sort()).containsExactly(2.5, 1764691200000L, "article", "a-1", "en");
		SearchAnswers.Hit second = answer.hits().hits().get(1);
		assertThat(second.highlights()).isEmpty();
		assertThat(second.sort()).startsWith((Object) null);
	}

	@Test
	void readsFacetsHistogramAndSuggestions() {
		SearchAnswers.Answer answer = read(ANSWER);

		assertThat(answer.buckets("facet-kind", "values")).extracting(SearchAnswers.Bucket::key)
			.containsExactly("speech", "interview");
		assertThat(answer.buckets("facet-tag", "values")).isNull();
		assertThat(answer.buckets("histogram", "buckets"))
			.extracting(SearchAnswers.Bucket::keyAsString, SearchAnswers.Bucket::docCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("2026-11-01", 10L),
					org.assertj.core.groups.Tuple.tuple("2026-12-01", 32L));
		assertThat(answer.suggest().get("spelling")).extracting(SearchAnswers.SuggestedWord::text)
			.containsExactly("tretaies", "trade");
	}

	@Test
	void anAnswerWithoutHitsTotalsOrAggregationsIsEmpty() {
		SearchAnswers.Answer answer = read("""
				{"hits": {"hits": []}}
				""");

		assertThat(answer.total()).isZero();
		assertThat(answer.buckets("histogram", "buckets")).isNull();
		assertThat(answer.suggest()).isNull();
	}

	private static SearchAnswers.Answer read(String json) {
		return SearchAnswers.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
