package io.chancery.counter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.chancery.contracts.ContentKey;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.SiteDetails;
import io.chancery.contracts.Withdrawal;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Counters come from events on the real broker and are served for any instant. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ChanceryInfrastructureConfiguration.class)
class CountersIntegrationTests {

	private static final String CAPTION = "days have passed since the incident — no credible response";

	private final HttpClient http = HttpClient.newHttpClient();

	private final String id = "ct-" + UUID.randomUUID().toString().substring(0, 8);

	@Value("http://127.0.0.1:${local.server.port}")
	private String base;

	@Test
	void definitionOnAnEventBecomesACounterExactAtLondonMidnight() throws Exception {
		publish(EventType.EVENT_PUBLISHED, event(this.id, 1, CAPTION, null));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					get(this.base, "/api/v1/counters/" + this.id + "?locale=en&at=2021-03-01T00:00:00Z").statusCode())
				.isEqualTo(200));
		JsonNode counter = json(get(this.base, "/api/v1/counters/" + this.id + "?locale=en&at=2021-03-01T00:00:00Z"));
		assertThat(counter.get("value").asLong()).isEqualTo(366);
		assertThat(counter.get("text").asString())
			.isEqualTo("366 days have passed since the incident — no credible response");
		assertThat(counter.get("nextChangeAt").asString()).isEqualTo("2021-03-02T00:00:00Z");
		assertThat(
				json(get(this.base, "/api/v1/counters/" + this.id + "?locale=en&at=2021-02-28T23:59:00Z")).get("value")
					.asLong())
			.isEqualTo(365);
		assertThat(get(this.base, "/api/v1/counters?locale=en&at=2021-03-01T00:00:00Z").body()).contains(this.id);
		for (String path : List.of("/api/v1/counters/" + this.id + "?locale=en&at=2021-03-01T00:00:00Z",
				"/api/v1/counters?locale=en&at=2021-03-01T00:00:00Z",
				"/api/v1/clocks?locale=en&zones=Europe/Moscow&at=2021-03-01T00:00:00Z")) {
			String tag = get(this.base, path).headers()
				.firstValue("ETag")
				.orElseThrow(() -> new AssertionError(path + " has no ETag"));
			HttpResponse<String> again = this.http.send(
					HttpRequest.newBuilder(URI.create(this.base + path)).header("If-None-Match", tag).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(again.statusCode()).as(path).isEqualTo(304);
		}

		// A restarted replica is not ready until it has read the topics, then answers the
		// same.
		try (ConfigurableApplicationContext replica = new SpringApplicationBuilder(CounterApplication.class).run(
				"--server.port=0",
				"--spring.kafka.bootstrap-servers=" + Infrastructure.shared().kafkaBootstrapServers())) {
			String other = "http://127.0.0.1:" + replica.getEnvironment().getProperty("local.server.port");
			String otherManagement = "http://127.0.0.1:"
					+ replica.getEnvironment().getProperty("local.management.port");
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(get(otherManagement, "/actuator/health/readiness").statusCode())
					.isEqualTo(200));
			assertThat(json(get(other, "/api/v1/counters/" + this.id + "?locale=en&at=2021-03-01T00:00:00Z")))
				.isEqualTo(counter);
		}
	}

	@Test
	void newestRevisionWinsAndRemovalsStay() throws Exception {
		publish(EventType.EVENT_PUBLISHED, event(this.id, 2, CAPTION, null));
		String path = "/api/v1/counters/" + this.id + "?locale=en&at=2024-01-01T00:00:00Z";
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get(this.base, path).statusCode()).isEqualTo(200));
		publish(EventType.EVENT_WITHDRAWN,
				new Withdrawal(this.id, "en", 3, Instant.parse("2024-01-02T00:00:00Z"), null));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get(this.base, path).statusCode()).isEqualTo(404));
		// A late, older publish does not bring it back.
		publish(EventType.EVENT_PUBLISHED, event(this.id, 1, CAPTION, null));
		String marker = "ct-" + UUID.randomUUID().toString().substring(0, 8);
		publish(EventType.EVENT_PUBLISHED, event(marker, 1, CAPTION, null));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get(this.base, "/api/v1/counters/" + marker + "?locale=en").statusCode())
				.isEqualTo(200));
		assertThat(get(this.base, path).statusCode()).isEqualTo(404);
	}

	@Test
	void scheduledEventsStayHiddenUntilTheServersClockReachesThemWhateverInstantIsAsked() throws Exception {
		String later = this.id + "-later";
		Instant soon = Instant.now().plusSeconds(4);
		publish(EventType.EVENT_PUBLISHED, event(this.id, 1, CAPTION, soon));
		publish(EventType.EVENT_PUBLISHED,
				event(later, 1, "a caption under embargo", Instant.parse("2030-01-01T00:00:00Z")));
		publish(EventType.SITE_DETAILS_UPDATED,
				new SiteDetails("ru", Long.MAX_VALUE / 2, "Посольство", List.of(),
						List.of(new SiteDetails.ClockCity("Москва", "Europe/Moscow"),
								new SiteDetails.ClockCity("Лондон", "Europe/London")),
						Instant.now(), null));
		// Evidence that both were read: the one due soon is served once its time comes.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					get(this.base, "/api/v1/counters/" + this.id + "?locale=en&at=2199-01-02T00:00:00Z").statusCode())
				.isEqualTo(200));
		assertThat(Instant.now()).isAfterOrEqualTo(soon);
		// Before its publication instant a counter is not there, even evaluated later.
		assertThat(get(this.base, "/api/v1/counters/" + this.id + "?locale=en&at=" + soon.minusSeconds(1)).statusCode())
			.isEqualTo(404);
		assertThat(get(this.base, "/api/v1/counters/" + later + "?locale=en&at=2030-01-02T00:00:00Z").statusCode())
			.isEqualTo(404);
		HttpResponse<String> future = get(this.base, "/api/v1/counters?locale=en&at=2199-01-01T00:00:00Z");
		assertThat(future.body()).contains(this.id).doesNotContain(later).doesNotContain("a caption under embargo");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode clocks = json(
					get(this.base, "/api/v1/clocks?locale=ru&zones=Asia/Kathmandu&at=2026-03-29T00:30:00Z"));
			assertThat(clocks.get("clocks")).hasSize(3);
			assertThat(clocks.get("clocks").get(0).get("name").asString()).isEqualTo("Москва");
			assertThat(clocks.get("clocks").get(1).get("nextChange").get("utcOffsetAfter").asString())
				.isEqualTo("+01:00");
			assertThat(clocks.get("clocks").get(2).get("utcOffset").asString()).isEqualTo("+05:45");
		});
	}

	@Test
	void badInstantsZonesAndLocalesAre400NamingWhatIsAccepted() throws Exception {
		for (String query : List.of("/api/v1/counters?at=yesterday", "/api/v1/counters?at=3000-01-01T00:00:00Z",
				"/api/v1/counters?locale=fr", "/api/v1/clocks?zones=Mars/Olympus", "/api/v1/clocks?zones=%2B03:00",
				"/api/v1/clocks?locale=fr", "/api/v1/site?locale=fr", "/api/v1/counters?colour=red",
				"/api/v1/clocks?page=2", "/api/v1/counters/x?size=5", "/api/v1/counters?locale=en&locale=ru")) {
			HttpResponse<String> response = get(this.base, query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
			JsonNode problem = json(response);
			assertThat(problem.get("parameter").isString()).as(query).isTrue();
			assertThat(problem.get("accepted").isArray()).as(query).isTrue();
		}
	}

	@Test
	void everyRouteIsInTheOpenApiDocument() throws Exception {
		HttpResponse<String> response = get(this.base, "/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"/api/v1/counters\"", "\"/api/v1/counters/{id}\"",
				"\"/api/v1/counters/stream\"", "\"/api/v1/clocks\"");
		// What each route accepts in practice is what its document declares.
		JsonNode paths = json(response).get("paths");
		for (String path : paths.propertyNames()) {
			JsonNode operation = paths.get(path).get("get");
			if (operation == null || path.startsWith("/api/v1/admin/")) {
				// The admin routes answer 401 before they look at parameters.
				continue;
			}
			Set<String> declared = new TreeSet<>();
			operation.path("parameters").forEach((parameter) -> {
				if (parameter.get("in").asString().equals("query")) {
					declared.add(parameter.get("name").asString());
				}
			});
			HttpResponse<String> refused = get(this.base, path.replace("{id}", "any") + "?not-a-parameter=1");
			assertThat(refused.statusCode()).as(path).isEqualTo(400);
			Set<String> accepted = new TreeSet<>();
			json(refused).get("accepted").forEach((name) -> accepted.add(name.asString()));
			assertThat(accepted).as("what %s accepts in practice", path).isEqualTo(declared);
			// And the refusal is described, with the problem's shape.
			assertThat(operation.at("/responses/400/content/application~1problem+json/schema/$ref").asString()).as(path)
				.isEqualTo("#/components/schemas/Problem");
		}
		assertThat(json(response).at("/components/schemas/Problem/properties/accepted/type").asString())
			.isEqualTo("array");
	}

	private Event event(String eventId, long revision, String caption, @Nullable Instant publishAt) {
		return new Event(eventId, "en", revision, ContentStatus.PUBLISHED, LocalDate.of(2020, 2, 29), "Europe/London",
				"The incident", "Our requests remain unanswered.", null, new CounterDefinition(caption, "Europe/London",
						CounterDefinition.Direction.SINCE, null, null, null, true),
				publishAt, null, Instant.parse("2020-03-01T10:00:00Z"));
	}

	private static void publish(EventType type, Object payload) throws Exception {
		String key = switch (payload) {
			case Event event -> ContentKey.of(event.id(), event.locale());
			case Withdrawal withdrawal -> ContentKey.of(withdrawal.id(), withdrawal.locale());
			case SiteDetails details -> details.locale();
			default -> throw new IllegalArgumentException(payload.toString());
		};
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic().wireName(), key,
					MessageJson.mapper().writeValueAsBytes(payload));
			record.headers().add(EventType.HEADER, type.wireName().getBytes(StandardCharsets.UTF_8));
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
	}

	private HttpResponse<String> get(String root, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(root + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return MessageJson.mapper().readTree(response.body());
	}

}
