package io.chancery.infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.chancery.contracts.Article;
import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.ContentKey;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real records through the real broker and real documents through the real Elasticsearch,
 * from the shared infrastructure every service's tests use.
 */
class RealEnginesIntegrationTests {

	private final Infrastructure infrastructure = Infrastructure.shared();

	@Test
	void everyDeclaredTopicExistsWithItsRetention() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafkaBootstrapServers()))) {
			Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			for (Topic topic : Topic.values()) {
				assertThat(names).contains(topic.wireName());
			}
			ConfigResource articles = new ConfigResource(ConfigResource.Type.TOPIC, Topic.ARTICLES.wireName());
			Config config = admin.describeConfigs(List.of(articles)).all().get(30, TimeUnit.SECONDS).get(articles);
			assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
			assertThat(config.get("retention.ms").value()).isEqualTo("-1");
			assertThat(admin.describeTopics(List.of(Topic.ARTICLES.wireName()))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(Topic.ARTICLES.wireName())
				.partitions()).hasSize(Topic.ARTICLES.partitions());
		}
	}

	@Test
	void articlesProducedWithAcksAllAreConsumedBackWithKeyHeaderAndPayload() throws Exception {
		String runId = Long.toString(System.nanoTime(), 36);
		List<Article> sent = new ArrayList<>();
		Properties producerConfig = new Properties();
		producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafkaBootstrapServers());
		producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
		producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
				new ByteArraySerializer())) {
			for (int i = 0; i < 200; i++) {
				Article article = article("it-" + runId + "-" + i, (i % 2 == 0) ? "en" : "ru");
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.ARTICLES.wireName(),
						ContentKey.of(article.id(), article.locale()), MessageJson.mapper().writeValueAsBytes(article));
				record.headers()
					.add(EventType.HEADER, EventType.ARTICLE_PUBLISHED.wireName().getBytes(StandardCharsets.UTF_8));
				producer.send(record).get(30, TimeUnit.SECONDS);
				sent.add(article);
			}
		}

		Properties consumerConfig = new Properties();
		consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.kafkaBootstrapServers());
		consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + runId);
		consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<Article> received = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topic.ARTICLES.wireName()));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (received.size() < sent.size() && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					Article article = MessageJson.mapper().readValue(record.value(), Article.class);
					if (!article.id().startsWith("it-" + runId)) {
						continue;
					}
					assertThat(record.key()).isEqualTo(ContentKey.of(article.id(), article.locale()));
					assertThat(
							new String(record.headers().lastHeader(EventType.HEADER).value(), StandardCharsets.UTF_8))
						.isEqualTo("article-published");
					received.add(article);
				}
			}
		}
		assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
	}

	@Test
	void documentsIndexedInBulkAreFoundBySearch() throws Exception {
		String index = "it-" + Long.toString(System.nanoTime(), 36);
		HttpClient http = HttpClient.newHttpClient();
		String base = this.infrastructure.elasticsearchUrl();
		HttpResponse<String> created = http.send(json("PUT", base + "/" + index, """
				{"settings": {"number_of_shards": 1, "number_of_replicas": 0},
				 "mappings": {"dynamic": "strict", "properties": {
				   "title": {"type": "text"}, "locale": {"type": "keyword"}}}}"""),
				HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

		StringBuilder bulk = new StringBuilder();
		for (int i = 0; i < 500; i++) {
			bulk.append("{\"index\":{\"_id\":\"doc-").append(i).append("\"}}\n");
			String title = (i % 50 == 0) ? "Remarks on consular access number " + i : "Reception number " + i;
			bulk.append("{\"title\":\"").append(title).append("\",\"locale\":\"en\"}\n");
		}
		HttpResponse<String> indexed = http.send(
				ndjson(base + "/" + index + "/_bulk?refresh=wait_for", bulk.toString()),
				HttpResponse.BodyHandlers.ofString());
		assertThat(indexed.statusCode()).isEqualTo(200);
		assertThat(indexed.body()).contains("\"errors\":false");

		HttpResponse<String> found = http.send(json("POST", base + "/" + index + "/_search", """
				{"query": {"match": {"title": "consular"}}, "size": 20}"""), HttpResponse.BodyHandlers.ofString());
		assertThat(found.statusCode()).isEqualTo(200);
		Map<?, ?> hits = (Map<?, ?>) MessageJson.mapper().readValue(found.body(), Map.class).get("hits");
		assertThat(((Map<?, ?>) hits.get("total")).get("value")).isEqualTo(10);
	}

	@Test
	void elasticsearchRefusesWritesThatWouldCreateAnIndex() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(json("POST", this.infrastructure.elasticsearchUrl() + "/never-created/_doc", "{\"a\":1}"),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	private static HttpRequest json(String method, String url, String body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static HttpRequest ndjson(String url, String body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static Article article(String id, String locale) {
		return new Article(id, locale, 1, ArticleKind.SPEECH, ContentStatus.PUBLISHED, "Title of " + id, "Lead",
				"<p>Body</p>", null, OffsetDateTime.parse("2024-06-12T18:30:00+01:00"), "Europe/London", null, "London",
				List.of("The Ambassador"), List.of("culture"), null, null, Instant.parse("2024-06-13T08:00:00Z"));
	}

}
