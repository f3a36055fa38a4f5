package io.chancery.search.reading;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.transport.endpoints.BinaryEndpoint;
import co.elastic.clients.transport.endpoints.BinaryResponse;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Sends a search to Elasticsearch and reads its answer straight into {@link Answer}: the
 * parts a page shows, in one pass of Jackson over the bytes. The client's typed response
 * model reads every part of the answer through JSON-P into objects that the page then
 * copies again; in a profile of the search benchmark that model was about a third of this
 * service's CPU per search. Requests are still built with the client's typed builders,
 * and Elasticsearch's errors still arrive as the client's {@code ElasticsearchException}.
 */
@Component
public class SearchAnswers {

	/**
	 * The client's own search endpoint, answering bytes. Without {@code typed_keys}
	 * Elasticsearch names aggregations and suggestions as they were asked for.
	 */
	private static final BinaryEndpoint<SearchRequest> SEARCH = new BinaryEndpoint<>("es/search",
			SearchRequest._ENDPOINT::method, SearchRequest._ENDPOINT::requestUrl,
			SearchRequest._ENDPOINT::pathParameters, SearchAnswers::withoutTypedKeys, SearchRequest._ENDPOINT::headers,
			true, null);

	/**
	 * Dates as the client's own mapper reads them; what a page does not know is skipped.
	 */
	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final ElasticsearchClient client;

	public SearchAnswers(ElasticsearchClient client) {
		this.client = client;
	}

	/** Runs the search and reads its answer. */
	public Answer search(SearchRequest request) throws IOException {
		BinaryResponse response = this.client._transport()
			.performRequest(request, SEARCH, this.client._transportOptions());
		try (response; InputStream content = response.content()) {
			return read(content);
		}
	}

	static Answer read(InputStream content) {
		return json.readValue(content, Answer.class);
	}

	private static Map<String, String> withoutTypedKeys(SearchRequest request) {
		Map<String, String> parameters = new HashMap<>(SearchRequest._ENDPOINT.queryParameters(request));
		parameters.remove("typed_keys");
		return parameters;
	}

	/**
	 * Elasticsearch's answer to a search, as far as a page reads it.
	 *
	 * @param hits the hits and their total
	 * @param aggregations the aggregations by name: a filter holding terms
	 * ({@code values}) or a date histogram ({@code buckets})
	 * @param suggest the suggestions by suggester, one entry per word
	 * @param pitId the point in time to continue with, when searching through one
	 */
	public record Answer(Hits hits, @Nullable Map<String, Aggregation> aggregations,
			@Nullable Map<String, List<SuggestedWord>> suggest, @JsonProperty("pit_id") @Nullable String pitId) {

		public long total() {
			return (this.hits.total() != null) ? this.hits.total().value() : 0;
		}

		/**
		 * The aggregation's buckets under its filter, or {@code null} if not asked for.
		 */
		@Nullable List<Bucket> buckets(String aggregation, String inner) {
			if (this.aggregations == null) {
				return null;
			}
			Aggregation filter = this.aggregations.get(aggregation);
			Buckets buckets = (filter == null) ? null : "values".equals(inner) ? filter.values() : filter.buckets();
			return (buckets != null) ? buckets.buckets() : null;
		}

	}

	/**
	 * @param total how many documents match, when counted
	 * @param hits this page's hits
	 */
	public record Hits(@Nullable Total total, List<Hit> hits) {
	}

	/**
	 * @param value the count
	 */
	public record Total(long value) {
	}

	/**
	 * @param source the document's source, as filtered
	 * @param highlight fragments by field
	 * @param sort the hit's sort values
	 */
	public record Hit(@JsonProperty("_source") @Nullable StoredContent source,
			@Nullable Map<String, List<String>> highlight, @Nullable List<Object> sort) {

		public Map<String, List<String>> highlights() {
			return (this.highlight != null) ? this.highlight : Map.of();
		}

	}

	/**
	 * A filter aggregation with one of the inner aggregations this service asks for.
	 *
	 * @param values terms
	 * @param buckets a date histogram
	 */
	record Aggregation(@Nullable Buckets values, @Nullable Buckets buckets) {
	}

	/**
	 * @param buckets the buckets
	 */
	record Buckets(List<Bucket> buckets) {
	}

	/**
	 * @param key a term's value, or a date bucket's start in milliseconds
	 * @param keyAsString a date bucket's start, formatted
	 * @param docCount how many documents fall in it
	 */
	record Bucket(@Nullable Object key, @JsonProperty("key_as_string") @Nullable String keyAsString,
			@JsonProperty("doc_count") long docCount) {
	}

	/**
	 * A term suggester's entry for one word of the text.
	 *
	 * @param text the word
	 * @param options corrections, likeliest first
	 */
	record SuggestedWord(String text, List<Option> options) {
	}

	/**
	 * @param text a correction
	 */
	record Option(String text) {
	}

}
