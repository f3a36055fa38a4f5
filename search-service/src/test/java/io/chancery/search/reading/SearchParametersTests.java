package io.chancery.search.reading;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chancery.web.InvalidParameter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SearchParametersTests {

	private static final List<String> LOCALES = List.of("en", "ru");

	@Test
	void aSearchReadsItsTextFiltersRejectsAndFacets() {
		SearchQuery query = search("q", "treaty -draft", "kind", "speech,interview", "reject-tag", "archive", "facets",
				"kind,tag", "locale", "ru");

		assertThat(query.text()).isEqualTo("treaty -draft");
		assertThat(query.query()).isNotNull();
		assertThat(query.filters()).containsEntry(Dimension.KIND, List.of("speech", "interview"))
			.containsEntry(Dimension.LOCALE, List.of("ru"));
		assertThat(query.rejects()).containsEntry(Dimension.TAG, List.of("archive"));
		assertThat(query.facets()).containsExactly(Dimension.KIND, Dimension.TAG);
		assertThat(query.order()).as("with words, the best match first").isEqualTo(Order.RELEVANCE);
		assertThat(query.page()).isEqualTo(1);
		assertThat(query.size()).isEqualTo(SearchParameters.DEFAULT_SIZE);
	}

	@Test
	void withoutWordsTheNewestComeFirst() {
		assertThat(search().order()).isEqualTo(Order.NEWEST);
		assertThat(search("order", "oldest").order()).isEqualTo(Order.OLDEST);
	}

	@Test
	void aYearAndMonthAreThatMonthInTheRequestsZone() {
		SearchQuery query = search("year", "2024", "month", "2", "zone", "Europe/Moscow");

		assertThat(query.from()).isEqualTo(Instant.parse("2024-01-31T21:00:00Z"));
		assertThat(query.to()).isEqualTo(Instant.parse("2024-02-29T21:00:00Z"));
		assertThat(query.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
	}

	@Test
	void theRoutesOwnFilterCannotBeWidened() {
		Map<String, String[]> parameters = Map.of("type", new String[] { "event" });
		SearchQuery query = SearchParameters.of(parameters, ReadParameters.ARCHIVE.names())
			.query(Map.of(Dimension.TYPE, List.of("article")), ZoneOffset.UTC, LOCALES);
		assertThat(query.filters()).containsEntry(Dimension.TYPE, List.of("article"));
	}

	@Test
	void mistakesAreRefusedNamingTheParameterAndWhatItAccepts() {
		assertRefused("sort", "is not a parameter of this route", new String[] { "sort", "date" });
		assertRefused("locale", "which is not a locale of this site", new String[] { "locale", "fr" });
		assertRefused("month", "needs a year", new String[] { "month", "3" });
		assertRefused("order", "does not accept 'sideways'", new String[] { "order", "sideways" });
		assertRefused("facets", "unknown facet 'colour'", new String[] { "facets", "colour" });
		assertRefused("page", "beyond the first 10000 results", new String[] { "page", "101", "size", "100" });
		assertRefused("histogram", "more than 4000", new String[] { "histogram", "day" });
	}

	@Test
	void aHistogramOfDaysFitsWhenItsSpanIsNarrowed() {
		SearchQuery query = search("histogram", "day", "from", "2024-01-01", "to", "2024-03-01");
		assertThat(query.histogram()).isEqualTo(Interval.DAY);
		assertThat(query.from()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
	}

	private static void assertRefused(String parameter, String message, String[] pairs) {
		assertThatExceptionOfType(InvalidParameter.class).isThrownBy(() -> search(pairs)).satisfies((refused) -> {
			assertThat(refused.parameter()).isEqualTo(parameter);
			assertThat(refused.getMessage()).contains(message);
			assertThat(refused.accepted()).isNotEmpty();
		});
	}

	private static SearchQuery search(String... pairs) {
		Map<String, String[]> parameters = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			parameters.put(pairs[i], new String[] { pairs[i + 1] });
		}
		return SearchParameters.of(parameters, ReadParameters.SEARCH.names()).query(Map.of(), ZoneOffset.UTC, LOCALES);
	}

}
