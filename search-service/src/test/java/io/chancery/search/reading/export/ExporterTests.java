package io.chancery.search.reading.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.chancery.search.reading.ContentSearch;
import io.chancery.search.reading.DateField;
import io.chancery.search.reading.Order;
import io.chancery.search.reading.ReadParameters;
import io.chancery.search.reading.ReadingLimits;
import io.chancery.search.reading.SearchQuery;
import io.chancery.search.web.Busy;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ExporterTests {

	private static final ReadingLimits ONE_AT_A_TIME = new ReadingLimits(Duration.ofSeconds(60), 200, 1, 100,
			Duration.ofMinutes(5));

	@Test
	void aSecondExportWaitsForTheFirstToEndHoweverItEnds() throws Exception {
		Exporter exporter = new Exporter(new Unreachable(), ONE_AT_A_TIME);
		StreamingResponseBody first = exporter.start(query(), Exporter.Format.CSV);
		assertThatExceptionOfType(Busy.class).isThrownBy(() -> exporter.start(query(), Exporter.Format.CSV))
			.satisfies((busy) -> org.assertj.core.api.Assertions.assertThat(busy.retryAfterSeconds()).isPositive());

		// The first export fails while streaming: its place is given back all the same.
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> first.writeTo(new ByteArrayOutputStream()));
		assertThatNoException().isThrownBy(() -> exporter.start(query(), Exporter.Format.CSV));
	}

	@Test
	void writesEveryFormatTheApiDocumentDeclares() {
		org.assertj.core.api.Assertions
			.assertThat(java.util.Arrays.stream(Exporter.Format.values()).map(Exporter.Format::extension))
			.containsExactlyElementsOf(ReadParameters.exportFormats());
		org.assertj.core.api.Assertions.assertThat(Exporter.Format.of(null, null)).isEqualTo(Exporter.Format.CSV);
	}

	private static SearchQuery query() {
		return new SearchQuery(null, null, Map.of(), Map.of(), DateField.DATE, null, null, java.time.ZoneOffset.UTC,
				List.of(), null, Order.NEWEST, 1, 10, Map.of());
	}

	/** Ten results to count, and Elasticsearch gone once an export starts reading. */
	private static final class Unreachable extends ContentSearch {

		Unreachable() {
			// No client: every method that would use one is overridden.
			super(null, null, ONE_AT_A_TIME);
		}

		@Override
		public long count(SearchQuery query) {
			return 10;
		}

		@Override
		public String openPointInTime() throws IOException {
			throw new IOException("Elasticsearch is unreachable");
		}

	}

}
