package io.chancery.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.chancery.contracts.Article;
import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.ContentKey;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.contracts.Withdrawal;
import io.chancery.contracts.WithdrawalNote;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Test content straight onto the real topics (as ingest-service writes it), and reads of
 * the running search-service.
 */
final class Content implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers(),
					ProducerConfig.LINGER_MS_CONFIG, 5),
			new StringSerializer(), new ByteArraySerializer());

	/** The key whose digest src/test/resources/config/application.properties holds. */
	static final String ADMIN_KEY = "admin-key-for-tests";

	static final String EDITOR_KEY = "editor-key-for-tests";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	Content(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	static Article article(String id, String locale, long revision, ArticleKind kind, String title, String lead,
			String body, String publishedAt, List<String> people, List<String> tags) {
		return new Article(id, locale, revision, kind, ContentStatus.PUBLISHED, title, lead, body, null,
				OffsetDateTime.parse(publishedAt), "Europe/Moscow", null, "Moscow", people, tags, null, null,
				Instant.parse("2024-07-01T00:00:00Z").plusSeconds(revision));
	}

	static Article embargoed(Article article, Instant publishAt) {
		return new Article(article.id(), article.locale(), article.revision(), article.kind(), article.status(),
				article.title(), article.lead(), article.body(), article.deliveredAt(), article.publishedAt(),
				article.timeZone(), publishAt, article.place(), article.people(), article.tags(), article.sourceUrl(),
				null, article.updatedAt());
	}

	static Article withdrawnWithNote(Article article, String note) {
		return new Article(article.id(), article.locale(), article.revision() + 1, article.kind(),
				ContentStatus.WITHDRAWN, article.title(), article.lead(), article.body(), article.deliveredAt(),
				article.publishedAt(), article.timeZone(), null, article.place(), article.people(), article.tags(),
				article.sourceUrl(), new WithdrawalNote(note, Instant.parse("2024-07-02T00:00:00Z")),
				article.updatedAt().plusSeconds(60));
	}

	static Event event(String id, String locale, long revision, String date, String title, String lead,
			@Nullable CounterDefinition counter) {
		return new Event(id, locale, revision, ContentStatus.PUBLISHED, LocalDate.parse(date), "Europe/Moscow", title,
				lead, null, counter, null, null, Instant.parse("2024-07-01T00:00:00Z"));
	}

	void publish(Article article) {
		send(EventType.ARTICLE_PUBLISHED, ContentKey.of(article.id(), article.locale()), article);
	}

	void publish(Event event) {
		send(EventType.EVENT_PUBLISHED, ContentKey.of(event.id(), event.locale()), event);
	}

	void withdrawForGood(String type, String id, String locale, long revision) {
		send(type.equals("article") ? EventType.ARTICLE_WITHDRAWN : EventType.EVENT_WITHDRAWN,
				ContentKey.of(id, locale),
				new Withdrawal(id, locale, revision, Instant.parse("2024-07-03T00:00:00Z"), "test"));
	}

	void send(EventType type, String key, Object payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic().wireName(), key,
				MessageJson.mapper().writeValueAsBytes(payload));
		record.headers().add(EventType.HEADER, type.wireName().getBytes(StandardCharsets.UTF_8));
		this.producer.send(record);
	}

	/**
	 * A change as ingest-service keeps it on {@code content-revisions}, beside the source
	 * topic.
	 */
	void keepRevision(EventType type, String key, Object payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.CONTENT_REVISIONS.wireName(),
				Topic.revisionsKey(type.topic(), key), MessageJson.mapper().writeValueAsBytes(payload));
		record.headers().add(EventType.HEADER, type.wireName().getBytes(StandardCharsets.UTF_8));
		this.producer.send(record);
	}

	void flush() {
		this.producer.flush();
	}

	/** Waits until the search for {@code query} finds {@code count} items. */
	void awaitTotal(String query, long count) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(get(query).get("total").asLong()).isEqualTo(count));
	}

	JsonNode get(String pathAndQuery) {
		HttpResponse<String> response = send(pathAndQuery);
		assertThat(response.statusCode()).as("%s answered %s", pathAndQuery, response.body()).isEqualTo(200);
		return MessageJson.mapper().readTree(response.body());
	}

	HttpResponse<String> send(String pathAndQuery) {
		return request(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).build());
	}

	HttpResponse<String> post(String pathAndQuery, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + pathAndQuery))
			.POST(HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return request(request.build());
	}

	HttpResponse<String> send(String pathAndQuery, String... headers) {
		return request(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).headers(headers).build());
	}

	/** A GET with the admin's key, which the admin routes need. */
	JsonNode adminGet(String pathAndQuery) {
		HttpResponse<String> response = send(pathAndQuery, "X-Api-Key", ADMIN_KEY);
		assertThat(response.statusCode()).as("%s answered %s", pathAndQuery, response.body()).isEqualTo(200);
		return MessageJson.mapper().readTree(response.body());
	}

	/** A POST with the admin's key. */
	HttpResponse<String> adminPost(String pathAndQuery) {
		return post(pathAndQuery, "X-Api-Key", ADMIN_KEY);
	}

	private HttpResponse<String> request(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	<T> HttpResponse<T> send(String pathAndQuery, HttpResponse.BodyHandler<T> handler) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery)).build(), handler);
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

	static void sleep(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
