package io.chancery.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static io.chancery.search.Content.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live index is kept whole without an operator: an Elasticsearch that lost its data
 * is rebuilt from the topics (the group's committed offsets would skip everything before
 * them), and an index with an older mapping is rebuilt by one instance, the one holding
 * the lease, while reads go on; what the new index refuses is dead-lettered, and the
 * index before the previous one is deleted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "chancery.indexing.index-check-interval=1s")
@Import(ChanceryInfrastructureConfiguration.class)
class IndexUpgradeIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String elasticsearch = Infrastructure.shared().elasticsearchUrl();

	@LocalServerPort
	private int port;

	@Test
	void anElasticsearchThatLostItsDataIsRebuiltFromTheTopics() throws Exception {
		String tag = "lost" + UUID.randomUUID().toString().substring(0, 8);
		try (Content content = new Content(this.port)) {
			for (int i = 0; i < 100; i++) {
				content.publish(article(tag + "-" + i, "en", 1, ArticleKind.ARTICLE, "Before the loss " + i, null,
						"<p>Text</p>", "2019-03-01T10:00:00Z", List.of(), List.of(tag)));
			}
			content.flush();
			content.awaitTotal("/api/v1/search?tag=" + tag, 100);

			for (String index : indices("content-*")) {
				elasticsearch("DELETE", "/" + index, null);
			}
			for (int i = 100; i < 110; i++) {
				content.publish(article(tag + "-" + i, "en", 1, ArticleKind.ARTICLE, "After the loss " + i, null,
						"<p>Text</p>", "2019-03-01T10:00:00Z", List.of(), List.of(tag)));
			}
			content.flush();

			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(total(content, tag)).isEqualTo(110));
			// Behind the alias again, never a plain index written under its name.
			assertThat(aliased()).singleElement().asString().matches("content-v\\d+");
		}
	}

	@Test
	void anOlderMappingIsRebuiltByTheLeaseHolderAndWhatTheNewIndexRefusesIsDeadLettered() throws Exception {
		String tag = "map" + UUID.randomUUID().toString().substring(0, 8);
		String poisonKey = tag + "-poison:en";
		try (Content content = new Content(this.port)) {
			for (int i = 0; i < 50; i++) {
				content.publish(article(tag + "-" + i, "en", 1, ArticleKind.ARTICLE, "Mapped " + i, null, "<p>Text</p>",
						"2019-04-01T10:00:00Z", List.of(), List.of(tag)));
			}
			content.flush();
			publishUnreadable(poisonKey);
			content.awaitTotal("/api/v1/search?tag=" + tag, 50);
			String before = aliased().get(0);

			// Another instance holds the lease; the live index is made to look older.
			if (indices("content-stat*").isEmpty()) {
				elasticsearch("PUT", "/content-state", """
						{"settings": {"number_of_shards": 1, "auto_expand_replicas": "0-1"}}""");
			}
			elasticsearch("PUT", "/content-state/_doc/reindex-lease?refresh=true", """
					{"owner": "another-instance", "expires-at": %d}""".formatted(System.currentTimeMillis() + 600_000));
			elasticsearch("PUT", "/" + before + "/_mapping", """
					{"_meta": {"mapping-version": 0}}""");
			Content.sleep(4000);
			assertThat(aliased()).containsExactly(before);
			assertThat(indices("content-v*"))
				.allSatisfy((index) -> assertThat(number(index)).isLessThanOrEqualTo(number(before)));

			// Its holder died: the lease expires and this build takes over.
			elasticsearch("PUT", "/content-state/_doc/reindex-lease?refresh=true", """
					{"owner": "another-instance", "expires-at": %d}""".formatted(System.currentTimeMillis() - 1));
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(aliased()).singleElement().isNotEqualTo(before));
			String after = aliased().get(0);
			assertThat(total(content, tag)).isEqualTo(50);
			// The previous index stays for a rollback; anything older is gone.
			assertThat(indices("content-v*")).containsExactlyInAnyOrder(before, after);
			JsonNode mapping = elasticsearch("GET", "/" + after + "/_mapping", null);
			assertThat(mapping.path(after).path("mappings").path("_meta").path("mapping-version").asInt()).isPositive();

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				List<String> causes = new ArrayList<>();
				for (JsonNode letter : content.adminGet("/api/v1/admin/dead-letters?limit=1000").get("letters")) {
					if (letter.get("key").asString().equals(poisonKey)) {
						causes.add(letter.get("cause").asString());
					}
				}
				assertThat(causes).anyMatch((cause) -> cause.startsWith("refused by " + after + ": unreadable"));
			});
		}
	}

	private static void publishUnreadable(String key) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				java.util.Map.of("bootstrap.servers", Infrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.ARTICLES.wireName(), key,
					"{not json".getBytes(StandardCharsets.UTF_8));
			record.headers()
				.add(EventType.HEADER, EventType.ARTICLE_PUBLISHED.wireName().getBytes(StandardCharsets.UTF_8));
			producer.send(record).get();
		}
	}

	private static long total(Content content, String tag) {
		return content.get("/api/v1/search?tag=" + tag + "&size=1").get("total").asLong();
	}

	private List<String> aliased() throws Exception {
		List<String> indices = new ArrayList<>();
		elasticsearch("GET", "/_alias/content", null).propertyNames().forEach(indices::add);
		return indices;
	}

	private List<String> indices(String pattern) throws Exception {
		List<String> indices = new ArrayList<>();
		for (JsonNode index : elasticsearch("GET", "/_cat/indices/" + pattern + "?format=json&h=index", null)) {
			indices.add(index.get("index").asString());
		}
		return indices;
	}

	private static int number(String index) {
		return Integer.parseInt(index.substring("content-v".length()));
	}

	private JsonNode elasticsearch(String method, String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.elasticsearch + path))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isLessThan(300);
		return MessageJson.mapper().readTree(response.body());
	}

}
