package io.chancery.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.chancery.contracts.Article;
import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.ContentKey;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.contracts.Withdrawal;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import io.chancery.infrastructure.Infrastructure;
import io.chancery.kafka.TopicContents;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Records on the real broker become documents in the real Elasticsearch; newest revision
 * wins whatever the order, a withdrawal stays a tombstone, and a poison record is
 * dead-lettered while later records still index.
 */
@SpringBootTest(properties = { "chancery.indexing.max-bulk-bytes=256KB", "chancery.indexing.max-document-bytes=128KB" })
@Import(ChanceryInfrastructureConfiguration.class)
class IndexingIntegrationTests {

	@Autowired
	private MeterRegistry meters;

	private final HttpClient http = HttpClient.newHttpClient();

	private final String id = "ix-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void newestRevisionWinsAndWithdrawnStaysWithdrawn() throws Exception {
		publish(EventType.ARTICLE_PUBLISHED, ContentKey.of(this.id, "en"), article(2, "Second version"));
		publish(EventType.ARTICLE_PUBLISHED, ContentKey.of(this.id, "en"), article(1, "First version"));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode document = document("article:" + this.id + ":en");
			assertThat(document.path("_version").asLong()).isEqualTo(2);
			assertThat(document.path("_source").path("title").asString("")).isEqualTo("Second version");
		});

		publish(EventType.ARTICLE_WITHDRAWN, ContentKey.of(this.id, "en"),
				new Withdrawal(this.id, "en", 3, Instant.parse("2024-07-01T09:00:00Z"), null));
		publish(EventType.ARTICLE_PUBLISHED, ContentKey.of(this.id, "en"), article(2, "Second version"));
		String later = "ix-" + UUID.randomUUID().toString().substring(0, 8);
		publish(EventType.ARTICLE_PUBLISHED, ContentKey.of(later, "en"), article(later, 1, "Later"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(document("article:" + later + ":en").path("found").asBoolean()).isTrue());
		JsonNode tombstone = document("article:" + this.id + ":en");
		assertThat(tombstone.get("_version").asLong()).isEqualTo(3);
		assertThat(tombstone.get("_source").get("status").asString()).isEqualTo("gone");
		assertThat(tombstone.get("_source").has("title")).isFalse();
	}

	@Test
	void poisonIsDeadLetteredWithItsCauseAndLaterRecordsIndex() throws Exception {
		try (KafkaProducer<String, byte[]> producer = producer()) {
			ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topic.ARTICLES.wireName(),
					ContentKey.of(this.id, "ru"), "{not json".getBytes(StandardCharsets.UTF_8));
			poison.headers().add(EventType.HEADER, "article-published".getBytes(StandardCharsets.UTF_8));
			producer.send(poison).get(30, TimeUnit.SECONDS);
		}
		publish(EventType.ARTICLE_PUBLISHED, ContentKey.of(this.id, "en"), article(1, "After the poison"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(document("article:" + this.id + ":en").path("found").asBoolean()).isTrue());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			ConsumerRecord<String, byte[]> dead = deadLetter(ContentKey.of(this.id, "ru"));
			assertThat(dead).isNotNull();
			assertThat(new String(dead.headers().lastHeader("dead-letter-cause").value(), StandardCharsets.UTF_8))
				.startsWith("unreadable article-published");
			assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		});
	}

	@Test
	void bulksStayUnderTheirSizeAndADocumentTooLargeIsDeadLettered() throws Exception {
		double bulksBefore = this.meters.counter("chancery.indexing.bulks").count();
		String body = "<p>" + "Diplomacy in long form. ".repeat(1_300) + "</p>";
		try (KafkaProducer<String, byte[]> producer = producer()) {
			for (int i = 0; i < 30; i++) {
				send(producer, EventType.ARTICLE_PUBLISHED, ContentKey.of(this.id + "-" + i, "en"),
						withBody(this.id + "-" + i, body));
			}
			send(producer, EventType.ARTICLE_PUBLISHED, ContentKey.of(this.id + "-huge", "en"),
					withBody(this.id + "-huge", body.repeat(3)));
			send(producer, EventType.ARTICLE_PUBLISHED, ContentKey.of(this.id + "-after", "en"),
					withBody(this.id + "-after", "<p>Short</p>"));
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			for (String suffix : List.of("0", "29", "after")) {
				assertThat(document("article:" + this.id + "-" + suffix + ":en").path("found").asBoolean()).as(suffix)
					.isTrue();
			}
		});
		// About 62 KB estimated each, four to a bulk of 256 KB at the most.
		assertThat(this.meters.counter("chancery.indexing.bulks").count() - bulksBefore).isGreaterThanOrEqualTo(8);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			ConsumerRecord<String, byte[]> dead = deadLetter(ContentKey.of(this.id + "-huge", "en"));
			assertThat(dead).isNotNull();
			assertThat(new String(dead.headers().lastHeader("dead-letter-cause").value(), StandardCharsets.UTF_8))
				.startsWith("too large to index");
		});
		assertThat(document("article:" + this.id + "-huge:en").path("found").asBoolean()).isFalse();
	}

	private static Article withBody(String articleId, String body) {
		Article article = article(articleId, 1, "Long " + articleId);
		return new Article(article.id(), article.locale(), article.revision(), article.kind(), article.status(),
				article.title(), article.lead(), body, article.deliveredAt(), article.publishedAt(), article.timeZone(),
				article.publishAt(), article.place(), article.people(), article.tags(), article.sourceUrl(),
				article.withdrawal(), article.updatedAt());
	}

	private static void send(KafkaProducer<String, byte[]> producer, EventType type, String key, Object payload)
			throws Exception {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic().wireName(), key,
				MessageJson.mapper().writeValueAsBytes(payload));
		record.headers().add(EventType.HEADER, type.wireName().getBytes(StandardCharsets.UTF_8));
		producer.send(record).get(30, TimeUnit.SECONDS);
	}

	private Article article(long revision, String title) {
		return article(this.id, revision, title);
	}

	private static Article article(String articleId, long revision, String title) {
		return new Article(articleId, "en", revision, ArticleKind.SPEECH, ContentStatus.PUBLISHED, title, "Lead",
				"<p>Body</p>", null, OffsetDateTime.parse("2024-06-12T21:05:00+01:00"), "Europe/London", null, "London",
				List.of("The Ambassador"), List.of("culture"), null, null, Instant.parse("2024-06-13T08:00:00Z"));
	}

	private JsonNode document(String documentId) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest
			.newBuilder(URI.create(Infrastructure.shared().elasticsearchUrl() + "/content/_doc/" + documentId))
			.build(), HttpResponse.BodyHandlers.ofString());
		return MessageJson.mapper().readTree(response.body());
	}

	private static void publish(EventType type, String key, Object payload) throws Exception {
		try (KafkaProducer<String, byte[]> producer = producer()) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic().wireName(), key,
					MessageJson.mapper().writeValueAsBytes(payload));
			record.headers().add(EventType.HEADER, type.wireName().getBytes(StandardCharsets.UTF_8));
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
	}

	private static KafkaProducer<String, byte[]> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer());
	}

	/** The last dead letter of {@code key}, or null. */
	private static ConsumerRecord<String, byte[]> deadLetter(String key) {
		return TopicContents
			.read(Infrastructure.shared().kafkaBootstrapServers(), Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName())
			.stream()
			.filter((record) -> key.equals(record.key()))
			.reduce((first, second) -> second)
			.orElse(null);
	}

}
