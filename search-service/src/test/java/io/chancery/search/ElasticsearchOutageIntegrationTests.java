package io.chancery.search;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.Infrastructure;
import io.chancery.infrastructure.LocalElasticsearch;
import io.chancery.infrastructure.Ports;
import io.chancery.kafka.TopicContents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.chancery.search.Content.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch stopped in the middle of a stream of writes: reads answer 503 with
 * Retry-After and health reports the outage; once it is back, every record is indexed and
 * none was dead-lettered for the outage. Runs on an Elasticsearch of its own (so the
 * other tests' one stays up) and a consumer group of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.cloud.stream.bindings.indexContent-in-0.group=search-service-outage-test")
@DirtiesContext
class ElasticsearchOutageIntegrationTests {

	private static final Path DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"),
			"chancery-outage-" + UUID.randomUUID());

	private static final int PORT = Ports.free();

	private static volatile LocalElasticsearch node;

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.shared().kafkaBootstrapServers());
		registry.add("spring.elasticsearch.uris", () -> {
			if (node == null) {
				node = LocalElasticsearch.start(DIRECTORY, PORT, "512m");
			}
			return node.url();
		});
	}

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private int health() throws Exception {
		return java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/health"))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	@Test
	void everythingWrittenDuringAnOutageIsIndexedAfterIt() throws Exception {
		String tag = "o" + UUID.randomUUID().toString().substring(0, 8);
		String p = "out" + UUID.randomUUID().toString().substring(0, 6) + "-";
		try (Content content = new Content(this.port)) {
			for (int i = 0; i < 100; i++) {
				content.publish(article(p + i, "en", 1, ArticleKind.STATEMENT, "Before the outage " + i, null,
						"<p>Text</p>", "2017-01-01T10:00:00Z", List.of(), List.of(tag)));
			}
			content.flush();
			content.awaitTotal("/api/v1/search?tag=" + tag, 100);

			node.close();
			for (int i = 100; i < 300; i++) {
				content.publish(article(p + i, "en", 1, ArticleKind.STATEMENT, "During the outage " + i, null,
						"<p>Text</p>", "2017-01-01T10:00:00Z", List.of(), List.of(tag)));
				if (i % 20 == 0) {
					content.flush();
					Content.sleep(100);
				}
			}
			content.flush();
			HttpResponse<String> search = content.send("/api/v1/search?tag=" + tag);
			assertThat(search.statusCode()).isEqualTo(503);
			assertThat(search.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(search.body()).doesNotContain("Exception").doesNotContain("127.0.0.1");
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(health()).isEqualTo(503));
			Content.sleep(5000);

			node = LocalElasticsearch.start(DIRECTORY, PORT, "512m");
			content.awaitTotal("/api/v1/search?tag=" + tag, 300);
			assertThat(health()).isEqualTo(200);
			assertThat(deadLetterKeys()).noneMatch((key) -> key.startsWith(p));
		}
	}

	private static List<String> deadLetterKeys() {
		return TopicContents
			.read(Infrastructure.shared().kafkaBootstrapServers(), Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName())
			.stream()
			.map((record) -> String.valueOf(record.key()))
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StopTheDedicatedNode {

		/**
		 * Stops this test's Elasticsearch when its context closes, after the bindings.
		 */
		@Bean
		DisposableBean stopDedicatedElasticsearch() {
			return () -> {
				if (node != null) {
					node.close();
				}
			};
		}

	}

}
