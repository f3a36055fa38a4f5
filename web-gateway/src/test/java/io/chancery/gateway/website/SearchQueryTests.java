package io.chancery.gateway.website;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTests {

	@Test
	void anAddressIsReadAsTheSearchItDescribes() {
		SearchQuery query = SearchQuery.of(parameters("q", " treaty ", "kind", "speech,interview", "kind", "speech",
				"page", "3", "size", "500", "from", ""));
		assertThat(query.q()).isEqualTo("treaty");
		assertThat(query.filters().get("kind")).containsExactly("speech", "interview");
		assertThat(query.page()).isEqualTo(3);
		assertThat(query.size()).as("out of range, so the default").isEqualTo(SearchQuery.PAGE_SIZE);
		assertThat(query.from()).isNull();
	}

	@Test
	void itsAddressLeavesOutDefaultsAndEveryChangeStartsPagingOver() {
		SearchQuery query = SearchQuery.of(parameters("q", "a+b c", "order", "relevance", "histogram", "month",
				"date-field", "date", "page", "4", "content-locale", "ru"));
		assertThat(query.href("en", "en")).isEqualTo("/search?q=a%2Bb+c&content-locale=ru&page=4");
		assertThat(query.withFilter("tag", List.of("trade")).href("ru", "en"))
			.isEqualTo("/search?q=a%2Bb+c&content-locale=ru&tag=trade&locale=ru");
		assertThat(query.withCursor("xyz", 10001, 100).href("en", "en"))
			.isEqualTo("/search?q=a%2Bb+c&content-locale=ru&size=100&cursor=xyz&start=10001");
		assertThat(SearchQuery.of(parameters("order", "relevance")).href("en", "en"))
			.as("without words, relevance is not the default")
			.isEqualTo("/search?order=relevance");
	}

	@Test
	void theApiIsAskedWithItsOwnNames() {
		SearchQuery query = SearchQuery.of(parameters("q", "x", "content-locale", "ru", "person", "Elena Varga"));
		assertThat(query.api()).isEqualTo("q=x&locale=ru&person=Elena+Varga");
	}

	private static MultiValueMap<String, String> parameters(String... namesAndValues) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			parameters.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return parameters;
	}

}
