package io.chancery.counter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import io.chancery.infrastructure.Infrastructure;
import io.chancery.kafka.TopicContents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event this service cannot read goes to its dead-letter topic with the cause, and an
 * admin, only an admin, lists and replays the dead letters on this service's own port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ChanceryInfrastructureConfiguration.class)
class DeadLetterIntegrationTests {

	/** Their digests are in src/test/resources/config/application.properties. */
	private static final String ADMIN_KEY = "admin-key-for-tests";

	private static final String EDITOR_KEY = "editor-key-for-tests";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void anUnreadableEventIsDeadLetteredWithItsCause() throws Exception {
		String key = "dl-" + UUID.randomUUID().toString().substring(0, 8) + ":en";
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			ProducerRecord<String, String> poison = new ProducerRecord<>(Topic.EVENTS.wireName(), key, "{not json");
			poison.headers().add("event-type", "event-published".getBytes(StandardCharsets.UTF_8));
			producer.send(poison).get(30, TimeUnit.SECONDS);
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<ConsumerRecord<String, byte[]>> letters = letters(key);
			// One per running instance at most; several application contexts share this
			// JVM.
			assertThat(letters).isNotEmpty();
			assertThat(new String(letters.get(0).headers().lastHeader("dead-letter-cause").value(),
					StandardCharsets.UTF_8))
				.startsWith("unreadable event-published");
			assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		});
	}

	@Test
	void anAdminListsAndReplaysTheDeadLetters() throws Exception {
		String broken = "dl-broken-" + UUID.randomUUID().toString().substring(0, 8) + ":en";
		String fine = "dl-fine-" + UUID.randomUUID().toString().substring(0, 8) + ":en";
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			ProducerRecord<String, String> poison = new ProducerRecord<>(Topic.EVENTS.wireName(), broken, "{not json");
			poison.headers().add("event-type", "event-published".getBytes(StandardCharsets.UTF_8));
			producer.send(poison).get(30, TimeUnit.SECONDS);
			// A letter an older, buggy build wrote for a record this build reads.
			ProducerRecord<String, String> readable = new ProducerRecord<>(
					Topic.COUNTER_SERVICE_DEAD_LETTERS.wireName(), fine,
					new String(MessageJson.mapper()
						.writeValueAsBytes(new Event("dl-fine", "en", 1, ContentStatus.PUBLISHED,
								LocalDate.of(2020, 2, 29), "Europe/London", "The incident", "Unanswered.", null,
								new CounterDefinition("days since", "Europe/London", CounterDefinition.Direction.SINCE,
										null, null, null, true),
								null, null, Instant.parse("2020-03-01T10:00:00Z"))),
							StandardCharsets.UTF_8));
			readable.headers().add("event-type", "event-published".getBytes(StandardCharsets.UTF_8));
			readable.headers().add("dead-letter-cause", "a bug since fixed".getBytes(StandardCharsets.UTF_8));
			producer.send(readable).get(30, TimeUnit.SECONDS);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> !letters(broken).isEmpty());
		long brokenAt = letters(broken).get(0).offset();
		// The service writes its letter when it gets to the poison, before or after the
		// test's own letter: the page starts at whichever came first.
		long from = Math.min(brokenAt, letters(fine).get(0).offset());

		assertThat(get("/api/v1/admin/counters/dead-letters").statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/admin/counters/dead-letters", "X-Api-Key", EDITOR_KEY).statusCode()).isEqualTo(403);
		HttpResponse<String> badLimit = get("/api/v1/admin/counters/dead-letters?limit=0", "X-Api-Key", ADMIN_KEY);
		assertThat(badLimit.statusCode()).isEqualTo(400);
		assertThat(MessageJson.mapper().readTree(badLimit.body()).get("parameter").asString()).isEqualTo("limit");

		JsonNode page = MessageJson.mapper()
			.readTree(get("/api/v1/admin/counters/dead-letters?from=" + from + "&limit=1000", "X-Api-Key", ADMIN_KEY)
				.body());
		List<String> keys = new ArrayList<>();
		page.get("letters").forEach((letter) -> keys.add(letter.get("key").asString()));
		assertThat(keys).contains(broken, fine);
		JsonNode letter = null;
		for (JsonNode candidate : page.get("letters")) {
			if (broken.equals(candidate.get("key").asString())) {
				letter = candidate;
			}
		}
		assertThat(letter).isNotNull();
		assertThat(letter.get("cause").asString()).startsWith("unreadable event-published");
		assertThat(letter.get("origin").asString()).startsWith("events-");

		HttpResponse<String> replay = this.http.send(HttpRequest
			.newBuilder(URI.create(this.base() + "/api/v1/admin/counters/dead-letters/replay?from=" + from))
			.header("X-Api-Key", ADMIN_KEY)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(replay.statusCode()).isEqualTo(200);
		JsonNode report = MessageJson.mapper().readTree(replay.body());
		List<Long> failing = new ArrayList<>();
		report.get("stillFailing").forEach((failure) -> failing.add(failure.get("offset").asLong()));
		assertThat(failing).contains(brokenAt);
		assertThat(report.get("indexed").asLong()).isPositive();
		assertThat(report.get("replayed").asLong()).isEqualTo(report.get("indexed").asLong() + failing.size());
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static List<ConsumerRecord<String, byte[]>> letters(String key) {
		return TopicContents
			.read(Infrastructure.shared().kafkaBootstrapServers(), Topic.COUNTER_SERVICE_DEAD_LETTERS.wireName())
			.stream()
			.filter((record) -> key.equals(record.key()))
			.toList();
	}

}
