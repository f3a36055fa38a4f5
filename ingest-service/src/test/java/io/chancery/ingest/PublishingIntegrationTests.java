package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import io.chancery.contracts.Article;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.SiteDetails;
import io.chancery.contracts.Topic;
import io.chancery.contracts.Withdrawal;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changes made over HTTP land on the real broker with their key, headers and revision.
 */
@IngestIntegrationTest
class PublishingIntegrationTests {

	@Autowired
	private IngestClient client;

	private final String id = "it-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void createdArticleIsOnItsTopicWithKeyHeadersRevisionAndTrace() throws Exception {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		HttpResponse<String> created = this.client.asEditor("POST", "/api/v1/articles",
				Fixtures.article(this.id, "en", "Remarks at the reception"), "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("ETag")).contains("\"1\"");
		assertThat(created.headers().firstValue("Location")).contains("/api/v1/articles/" + this.id + "/en");

		List<ConsumerRecord<String, byte[]>> records = records(Topic.ARTICLES);
		assertThat(records).hasSize(1);
		ConsumerRecord<String, byte[]> record = records.get(0);
		assertThat(record.key()).isEqualTo(this.id + ":en");
		assertThat(TopicRecords.header(record, EventType.HEADER)).isEqualTo("article-published");
		assertThat(TopicRecords.header(record, "traceparent")).contains(traceId);
		Article article = MessageJson.mapper().readValue(record.value(), Article.class);
		assertThat(article.revision()).isEqualTo(1);
		assertThat(article.title()).isEqualTo("Remarks at the reception");
		assertThat(article.status()).isEqualTo(ContentStatus.PUBLISHED);
		assertThat(article.publishedAt().getOffset().getTotalSeconds()).isEqualTo(3600);
	}

	@Test
	void replaceThenWithdrawWithNoteThenWithdrawForGood() throws Exception {
		assertThat(this.client.asEditor("POST", "/api/v1/articles", Fixtures.article(this.id, "ru", "Первая версия"))
			.statusCode()).isEqualTo(201);
		HttpResponse<String> replaced = this.client.asEditor("PUT", "/api/v1/articles/" + this.id + "/ru",
				Fixtures.article(this.id, "ru", "Вторая версия"), "If-Match", "\"1\"");
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.headers().firstValue("ETag")).contains("\"2\"");

		HttpResponse<String> withNote = this.client.asEditor("DELETE",
				"/api/v1/articles/" + this.id + "/ru?note=%D0%97%D0%B0%D0%BC%D0%B5%D0%BD%D0%B5%D0%BD%D0%BE", null);
		assertThat(withNote.statusCode()).as(withNote.body()).isEqualTo(200);
		HttpResponse<String> gone = this.client.asEditor("DELETE", "/api/v1/articles/" + this.id + "/ru", null,
				"If-Match", "\"3\"");
		assertThat(gone.statusCode()).as(gone.body()).isEqualTo(200);
		assertThat(gone.body()).contains("\"eventType\":\"article-withdrawn\"").contains("\"revision\":4");

		List<ConsumerRecord<String, byte[]>> records = records(Topic.ARTICLES);
		assertThat(records).extracting((record) -> TopicRecords.header(record, EventType.HEADER))
			.containsExactly("article-published", "article-published", "article-published", "article-withdrawn");
		Article second = MessageJson.mapper().readValue(records.get(1).value(), Article.class);
		assertThat(second.title()).isEqualTo("Вторая версия");
		Article withdrawn = MessageJson.mapper().readValue(records.get(2).value(), Article.class);
		assertThat(withdrawn.status()).isEqualTo(ContentStatus.WITHDRAWN);
		assertThat(withdrawn.withdrawal().note()).isEqualTo("Заменено");
		assertThat(withdrawn.title()).isEqualTo("Вторая версия");
		assertThat(withdrawn.revision()).isEqualTo(3);
		Withdrawal withdrawal = MessageJson.mapper().readValue(records.get(3).value(), Withdrawal.class);
		assertThat(withdrawal.revision()).isEqualTo(4);
	}

	@Test
	void staleRevisionIsRefusedWithTheCurrentOneAndPublishesNothing() throws Exception {
		this.client.asEditor("POST", "/api/v1/articles", Fixtures.article(this.id, "en", "One"));
		this.client.asEditor("PUT", "/api/v1/articles/" + this.id + "/en", Fixtures.article(this.id, "en", "Two"),
				"If-Match", "\"1\"");
		HttpResponse<String> stale = this.client.asEditor("PUT", "/api/v1/articles/" + this.id + "/en",
				Fixtures.article(this.id, "en", "Three"), "If-Match", "\"1\"");
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(stale.body()).contains("\"currentRevision\":2");
		HttpResponse<String> exists = this.client.asEditor("POST", "/api/v1/articles",
				Fixtures.article(this.id, "en", "Again"));
		assertThat(exists.statusCode()).isEqualTo(409);
		assertThat(records(Topic.ARTICLES)).hasSize(2);
	}

	@Test
	void retryWithTheSameIdempotencyKeyPublishesOnce() throws Exception {
		String key = "retry-" + this.id;
		HttpResponse<String> first = this.client.asEditor("POST", "/api/v1/events", Fixtures.event(this.id, "en"),
				"Idempotency-Key", key);
		HttpResponse<String> second = this.client.asEditor("POST", "/api/v1/events", Fixtures.event(this.id, "en"),
				"Idempotency-Key", key);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(second.body()).contains("\"replayed\":true").contains("\"revision\":1");
		HttpResponse<String> different = this.client.asEditor("POST", "/api/v1/events", Fixtures.event(this.id, "ru"),
				"Idempotency-Key", key);
		assertThat(different.statusCode()).isEqualTo(422);

		List<ConsumerRecord<String, byte[]>> records = records(Topic.EVENTS);
		assertThat(records).hasSize(1);
		Event event = MessageJson.mapper().readValue(records.get(0).value(), Event.class);
		assertThat(event.counter().caption()).isEqualTo("days have passed since the incident");
		assertThat(event.counter().milestones()).containsExactly(100, 500, 1000);
	}

	@Test
	void scriptsEventHandlersAndJavascriptUrlsNeverReachKafka() throws Exception {
		String body = Fixtures.article(this.id, "en", "Clean <script>alert(1)</script>me")
			.replace("<p>Distinguished guests,</p>",
					"<p onclick=\\\"steal()\\\">Hello<script>alert(1)</script> <a href=\\\"javascript:alert(1)\\\">bad</a>"
							+ " <a href=\\\"https://example.org/\\\">good</a></p><ul><li>kept</li></ul>");
		HttpResponse<String> created = this.client.asEditor("POST", "/api/v1/articles", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		Article article = MessageJson.mapper().readValue(records(Topic.ARTICLES).get(0).value(), Article.class);
		assertThat(article.body()).doesNotContain("script", "onclick", "javascript:", "alert")
			.contains("<p>Hello", "<a href=\"https://example.org/\"", "<ul><li>kept</li></ul>", "<em>honour</em>");
		assertThat(article.title()).isEqualTo("Clean me");
	}

	@Test
	void siteDetailsReplaceThePreviousVersion() throws Exception {
		String site = """
				{"name":"Embassy %s","contacts":[{"title":"Consular section","phones":["+44 20 7000 0000"],
				 "emails":["consulate@example.org"],"hours":"9:30-12:30"}],
				 "clocks":[{"name":"Moscow","timeZone":"Europe/Moscow"},{"name":"London","timeZone":"Europe/London"}]}"""
			.formatted(this.id);
		HttpResponse<String> response = this.client.asEditor("PUT", "/api/v1/site/en", site);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		ConsumerRecord<String, byte[]> latest = TopicRecords
			.read(Infrastructure.shared().kafkaBootstrapServers(), Topic.SITE_DETAILS, "en"::equals)
			.getLast();
		SiteDetails details = MessageJson.mapper().readValue(latest.value(), SiteDetails.class);
		assertThat(details.name()).isEqualTo("Embassy " + this.id);
		assertThat(details.clocks()).extracting(SiteDetails.ClockCity::timeZone)
			.containsExactly("Europe/Moscow", "Europe/London");
	}

	private List<ConsumerRecord<String, byte[]>> records(Topic topic) {
		return TopicRecords.read(Infrastructure.shared().kafkaBootstrapServers(), topic,
				(key) -> key.startsWith(this.id + ":"));
	}

}
