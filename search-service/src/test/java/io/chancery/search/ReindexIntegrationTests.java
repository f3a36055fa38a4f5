package io.chancery.search;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.chancery.contracts.ArticleKind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.chancery.search.Content.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reindex by replay while writes keep coming: new items, new revisions and withdrawals
 * made before, during and after the switch all end up in the new index, newest revision
 * each, and the alias never points nowhere.
 */
@SearchIntegrationTest
class ReindexIntegrationTests {

	private static final int BEFORE = 1500;

	@LocalServerPort
	private int port;

	@Test
	void reindexUnderConcurrentWritesLosesNothing() throws Exception {
		String tag = "x" + UUID.randomUUID().toString().substring(0, 8);
		String p = "rx" + UUID.randomUUID().toString().substring(0, 6) + "-";
		try (Content content = new Content(this.port)) {
			for (int i = 0; i < BEFORE; i++) {
				content.publish(article(p + i, "en", 1, ArticleKind.ARTICLE, "Before " + i, null, "<p>Text</p>",
						"2018-01-01T10:00:00Z", List.of(), List.of(tag)));
			}
			content.flush();
			content.awaitTotal("/api/v1/search?tag=" + tag, BEFORE);

			AtomicBoolean writing = new AtomicBoolean(true);
			AtomicInteger added = new AtomicInteger();
			Thread writer = Thread.ofPlatform().start(() -> {
				int n = 0;
				while (writing.get()) {
					// A new item, a new revision of an old one, and now and then a
					// withdrawal.
					content.publish(article(p + "new-" + n, "en", 1, ArticleKind.ARTICLE, "During " + n, null,
							"<p>Text</p>", "2018-01-02T10:00:00Z", List.of(), List.of(tag)));
					content.publish(article(p + (n % BEFORE), "en", 2, ArticleKind.ARTICLE, "Revised " + (n % BEFORE),
							null, "<p>Text</p>", "2018-01-01T10:00:00Z", List.of(), List.of(tag)));
					added.incrementAndGet();
					n++;
					content.flush();
					Content.sleep(20);
				}
			});
			JsonNode started = MessageJsonReader.read(content.adminPost("/api/v1/admin/reindex").body());
			assertThat(started.get("state").asString()).isEqualTo("copying");
			String target = started.get("target").asString();
			assertThat(content.adminPost("/api/v1/admin/reindex").statusCode()).isEqualTo(409);
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
				// Reads keep working throughout.
				assertThat(content.get("/api/v1/search?tag=" + tag + "&size=1").get("total").asLong())
					.isGreaterThanOrEqualTo(BEFORE);
				assertThat(content.adminGet("/api/v1/admin/reindex").get("state").asString()).isEqualTo("done");
			});
			// Keep writing a little after the switch, then stop.
			Content.sleep(1500);
			writing.set(false);
			writer.join();
			int during = added.get();
			assertThat(during).isGreaterThan(10);

			content.awaitTotal("/api/v1/search?tag=" + tag, BEFORE + during);
			int revised = Math.min(during, BEFORE);
			content.awaitTotal("/api/v1/search?tag=" + tag + "&q=Revised", revised);
			assertThat(content.adminGet("/api/v1/admin/reindex").get("target").asString()).isEqualTo(target);
			java.net.http.HttpResponse<String> alias = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create(
							io.chancery.infrastructure.Infrastructure.shared().elasticsearchUrl() + "/_alias/content"))
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(MessageJsonReader.read(alias.body()).propertyNames()).containsExactly(target);
		}
	}

	private static final class MessageJsonReader {

		static JsonNode read(String body) {
			return io.chancery.contracts.MessageJson.mapper().readTree(body);
		}

	}

}
