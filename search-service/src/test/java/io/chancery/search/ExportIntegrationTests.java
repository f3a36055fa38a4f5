package io.chancery.search;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.chancery.contracts.ArticleKind;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.chancery.search.Content.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports 20,000 results as a stream: chunked, read line by line as it arrives, every
 * result exactly once, while the service holds one chunk of a thousand at a time.
 */
@SearchIntegrationTest
class ExportIntegrationTests {

	private static final int COUNT = 20_000;

	@LocalServerPort
	private int port;

	@Test
	void exportsTwentyThousandResultsAsAStream() throws Exception {
		String tag = "e" + UUID.randomUUID().toString().substring(0, 8);
		String p = "ex" + UUID.randomUUID().toString().substring(0, 6) + "-";
		try (Content content = new Content(this.port)) {
			for (int i = 0; i < COUNT; i++) {
				content.publish(article(p + i, (i % 2 == 0) ? "en" : "ru", 1, ArticleKind.STATEMENT, "Statement " + i,
						"Lead, with a comma and \"quotes\"", "<p>Text " + i + "</p>",
						"2019-%02d-%02dT10:00:00Z".formatted(1 + i % 12, 1 + i % 28), List.of("Spokesperson"),
						List.of(tag)));
			}
			content.flush();
			content.awaitTotal("/api/v1/search?tag=" + tag, COUNT);

			HttpResponse<InputStream> response = content.send("/api/v1/search/export?tag=" + tag + "&order=oldest",
					HttpResponse.BodyHandlers.ofInputStream());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Length")).isEmpty();
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
			java.util.Set<String> ids = new java.util.HashSet<>();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				assertThat(reader.readLine()).startsWith("type,id,locale");
				String line;
				while ((line = reader.readLine()) != null) {
					assertThat(line).contains(",\"Lead, with a comma and \"\"quotes\"\"\",");
					ids.add(line.split(",")[1]);
				}
			}
			assertThat(ids).hasSize(COUNT);
		}
	}

}
