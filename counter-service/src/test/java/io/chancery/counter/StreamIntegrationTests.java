package io.chancery.counter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.chancery.contracts.ContentKey;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.SiteDetails;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An open stream hears of a new counter at once and of its rollover within a second of
 * London's midnight; its events have ids a reconnecting page resumes from, idle streams
 * get heartbeats, and the number of streams is bounded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chancery.stream.heartbeat=1s", "chancery.stream.max-connections=4" })
@Import({ ChanceryInfrastructureConfiguration.class, StreamIntegrationTests.ControllableClock.class })
class StreamIntegrationTests {

	@Value("http://127.0.0.1:${local.server.port}")
	private String base;

	@Value("http://127.0.0.1:${local.management.port}")
	private String management;

	@Autowired
	private MovableClock clock;

	@Test
	void definitionAndMidnightRolloverArriveOnTheStream() throws Exception {
		this.clock.set(Instant.parse("2021-02-28T23:59:58Z"));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.management + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode()).isEqualTo(200));
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpClient.newHttpClient()
			.sendAsync(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/counters/stream?locale=en")).build(),
					HttpResponse.BodyHandlers.ofLines())
			.thenAccept((response) -> response.body().forEach(lines::add));
		awaitLine(lines, "event:subscribed", Duration.ofSeconds(10));

		String id = "st-" + UUID.randomUUID().toString().substring(0, 8);
		publish(new Event(id, "en", 1, ContentStatus.PUBLISHED, LocalDate.of(2020, 2, 29), "Europe/London",
				"The incident", null, null,
				new CounterDefinition("days have passed since the incident", "Europe/London",
						CounterDefinition.Direction.SINCE, null, null, List.of(), false),
				null, null, Instant.parse("2020-03-01T00:00:00Z")));
		// Any published event is news for open pages, with what a list shows of it.
		assertThat(awaitLine(lines, "\"title\":\"The incident\"", Duration.ofSeconds(30)))
			.contains("\"id\":\"" + id + "\"", "\"date\":\"2020-02-29\"", "\"withdrawn\":false");
		assertThat(awaitLine(lines, "\"removed\":false", Duration.ofSeconds(30))).contains("\"id\":\"" + id + "\"");

		// The stream learns when the counter next rolls over on its next look at the
		// clock.
		this.clock.awaitLook();
		this.clock.set(Instant.parse("2021-03-01T00:00:00.050Z"));
		long movedAt = System.nanoTime();
		String rollover = awaitLine(lines, "\"value\":366", Duration.ofSeconds(5));
		long millis = (System.nanoTime() - movedAt) / 1_000_000;
		assertThat(rollover).contains("\"id\":\"" + id + "\"").contains("366 days have passed since the incident");
		assertThat(millis).isLessThan(1000);

		publish(Topic.SITE_DETAILS, "en", EventType.SITE_DETAILS_UPDATED,
				new SiteDetails("en", Long.MAX_VALUE / 2, "Embassy", List.of(),
						List.of(new SiteDetails.ClockCity("London", "Europe/London")), Instant.now(), null));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> site = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/site?locale=en")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(site.statusCode()).isEqualTo(200);
			assertThat(site.body()).contains("\"name\":\"Embassy\"");
		});
		assertThat(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/site?locale=xx")).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode()).as("not a locale of this site").isEqualTo(400);
		this.clock.set(Instant.parse("2026-03-29T00:59:59Z"));
		this.clock.awaitLook();
		this.clock.set(Instant.parse("2026-03-29T01:00:00.050Z"));
		String offsetChange = awaitLine(lines, "\"utcOffset\":\"+01:00\"", Duration.ofSeconds(5));
		assertThat(offsetChange).contains("\"name\":\"London\"").contains("\"daylightSaving\":true");
	}

	@Test
	void eventsHaveIdsToResumeFromHeartbeatsKeepStreamsOpenAndStreamsAreBounded() throws Exception {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(this.management + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode()).isEqualTo(200));
		HttpClient http = HttpClient.newHttpClient();
		String stream = this.base + "/api/v1/counters/stream?locale=ru";
		BlockingQueue<String> first = open(http, stream, null);
		awaitLine(first, "event:subscribed", Duration.ofSeconds(10));
		awaitLine(first, ":heartbeat", Duration.ofSeconds(5));

		String one = "rs-" + UUID.randomUUID().toString().substring(0, 8);
		String two = "rs-" + UUID.randomUUID().toString().substring(0, 8);
		publish(new Event(one, "ru", 1, ContentStatus.PUBLISHED, LocalDate.of(2020, 1, 1), "Europe/Moscow",
				"Первое " + one, null, null, null, null, null, Instant.now()));
		String idOfOne = idBefore(first, one);
		publish(new Event(two, "ru", 1, ContentStatus.PUBLISHED, LocalDate.of(2020, 1, 2), "Europe/Moscow",
				"Второе " + two, null, null, null, null, null, Instant.now()));
		assertThat(idBefore(first, two)).isNotEqualTo(idOfOne);

		// A page that saw the first event reconnects and is sent what came after it.
		BlockingQueue<String> resumed = open(http, stream, idOfOne);
		awaitLine(resumed, "event:subscribed", Duration.ofSeconds(10));
		List<String> upToTheSecond = new ArrayList<>();
		String line;
		while ((line = resumed.poll(5, TimeUnit.SECONDS)) != null && !line.contains(two)) {
			upToTheSecond.add(line);
		}
		assertThat(line).as("the event after the one the page saw, after " + upToTheSecond).contains(two);
		assertThat(upToTheSecond).noneMatch((seen) -> seen.contains(one));
		// One whose id this instance never gave is told to reload.
		BlockingQueue<String> stranger = open(http, stream, "elsewhere-12");
		awaitLine(stranger, "event:stream-reset", Duration.ofSeconds(10));

		// Streams up to the bound are opened; the next one is refused at once, with a
		// problem and Retry-After.
		HttpResponse<Stream<String>> refused = null;
		for (int i = 0; i < 4 && refused == null; i++) {
			HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(stream)).build(),
					HttpResponse.BodyHandlers.ofLines());
			if (response.statusCode() != 200) {
				refused = response;
			}
		}
		assertThat(refused).isNotNull();
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private static BlockingQueue<String> open(HttpClient http, String uri, @Nullable String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
			.thenAccept((response) -> response.body().forEach(lines::add));
		return lines;
	}

	/** The id of the event whose data mentions {@code fragment}. */
	private static String idBefore(BlockingQueue<String> lines, String fragment) throws InterruptedException {
		String id = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(100, TimeUnit.MILLISECONDS);
			if (line == null) {
				continue;
			}
			if (line.startsWith("id:")) {
				id = line.substring(3);
			}
			else if (line.startsWith("data:") && line.contains(fragment)) {
				assertThat(id).as("the id of the event with " + fragment).isNotNull();
				return id;
			}
		}
		throw new AssertionError("No event with " + fragment);
	}

	private static String awaitLine(BlockingQueue<String> lines, String fragment, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<String> seen = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(100, TimeUnit.MILLISECONDS);
			if (line != null) {
				if (line.replace(" ", "").contains(fragment.replace(" ", "")) || line.contains(fragment)) {
					return line;
				}
				seen.add(line);
			}
		}
		throw new AssertionError("No line with " + fragment + " in " + seen);
	}

	private static void publish(Event event) throws Exception {
		publish(Topic.EVENTS, ContentKey.of(event.id(), event.locale()), EventType.EVENT_PUBLISHED, event);
	}

	private static void publish(Topic topic, String key, EventType type, Object payload) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.wireName(), key,
					MessageJson.mapper().writeValueAsBytes(payload));
			record.headers().add(EventType.HEADER, type.wireName().getBytes(StandardCharsets.UTF_8));
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * A clock the test moves by hand, which counts the stream's looks at it: the
	 * announcements of what is due are the only readers the test waits for.
	 */
	static final class MovableClock extends Clock {

		private static final StackWalker STACK = StackWalker.getInstance();

		private final AtomicLong looks = new AtomicLong();

		private volatile Instant now = Instant.now();

		void set(Instant instant) {
			this.now = instant;
		}

		/**
		 * Waits until the stream has begun a new look at the clock, and so has read the
		 * time now set and every event it held before this call.
		 */
		void awaitLook() {
			long seen = this.looks.get();
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> this.looks.get() > seen);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			// Counted before the time is read, so a look counted after awaitLook began
			// reads what was set before it.
			if (STACK.walk((frames) -> frames.anyMatch((frame) -> frame.getMethodName().equals("announceDue")))) {
				this.looks.incrementAndGet();
			}
			return this.now;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ControllableClock {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
