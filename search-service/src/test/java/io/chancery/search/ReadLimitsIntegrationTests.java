package io.chancery.search;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.MessageJson;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static io.chancery.search.Content.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What anonymous reads may hold at once is bounded, on the real Elasticsearch: cursors
 * (each an open point in time) up to a total, given back when read to the end or after a
 * short keep-alive; exports up to a number of rows. Reached, the answer is a problem with
 * Retry-After, never a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chancery.reading.limits.max-open-cursors=2", "chancery.reading.limits.cursor-keep-alive=4s",
				"chancery.reading.limits.max-export-rows=5" })
@Import(ChanceryInfrastructureConfiguration.class)
class ReadLimitsIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void cursorsAndExportsAreBounded() throws Exception {
		String tag = "l" + UUID.randomUUID().toString().substring(0, 8);
		try (Content content = new Content(this.port)) {
			for (int i = 0; i < 8; i++) {
				content.publish(article(tag + "-" + i, "en", 1, ArticleKind.STATEMENT, "Statement " + i, null,
						"<p>Text</p>", "2020-01-%02dT10:00:00Z".formatted(i + 1), List.of(), List.of(tag)));
			}
			content.flush();
			content.awaitTotal("/api/v1/search?tag=" + tag, 8);
			String first = "/api/v1/search?tag=" + tag + "&paging=cursor&size=5";

			JsonNode one = content.get(first);
			content.get(first);
			HttpResponse<String> third = content.send(first);
			assertThat(third.statusCode()).isEqualTo(503);
			assertThat(third.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 4L);

			// Read to its end, a cursor gives its place back at once.
			JsonNode last = content.get("/api/v1/search?cursor=" + one.get("nextCursor").asString());
			assertThat(last.path("nextCursor").isMissingNode() || last.path("nextCursor").isNull()).isTrue();
			assertThat(content.send(first).statusCode()).isEqualTo(200);
			// Left open, after its keep-alive.
			assertThat(content.send(first).statusCode()).isEqualTo(503);
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(content.send(first).statusCode()).isEqualTo(200));

			HttpResponse<String> tooMany = content.send("/api/v1/search/export?tag=" + tag);
			assertThat(tooMany.statusCode()).isEqualTo(400);
			assertThat(MessageJson.mapper().readTree(tooMany.body()).get("detail").asString())
				.contains("finds 8 results", "at most 5");
		}
	}

}
