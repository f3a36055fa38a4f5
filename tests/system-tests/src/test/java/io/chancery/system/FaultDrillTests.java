package io.chancery.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.chancery.contracts.Topic;
import io.chancery.localrun.LocalPlatform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fault drills on the running platform. Each ends with the content index compared item by
 * item with the source topics: nothing acknowledged is lost, nothing stale comes back.
 * Figures go to standard output with a {@code [drill]} prefix and into
 * docs/reliability.md.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultDrillTests {

	/**
	 * The longest the ingest replica drill writes before its measured writes, waiting for
	 * the platform to answer at a steady pace.
	 */
	private static final int MOST_WARM_UP_SECONDS = 150;

	/** A warm platform acknowledges the drill's writes within this, at the median. */
	private static final long STEADY_MEDIAN_MILLIS = 150;

	private static LocalPlatform platform;

	private static Gateway gateway;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	@BeforeAll
	static void stack() {
		platform = Stack.get();
		gateway = new Gateway(platform.gatewayUrl(), platform.editorKey(), platform.adminKey());
	}

	@Test
	@Order(1)
	void searchServiceKilledMidIndexingLosesNothing() throws Exception {
		String prefix = "kill-" + UUID.randomUUID().toString().substring(0, 6) + "-";
		String tag = prefix + "tag";
		StringBuilder ndjson = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			ndjson.append(articleLine(prefix + i, "Drill item " + i, tag)).append('\n');
		}
		Thread importer = Thread.ofPlatform()
			.start(() -> gateway.importNdjson(ndjson.toString().getBytes(StandardCharsets.UTF_8)));
		// Kill it once indexing is under way.
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> total("/api/v1/search?size=1&tag=" + tag) > 500);
		platform.faults().kill("search-service");
		importer.join(TimeUnit.MINUTES.toMillis(5));
		platform.faults().restart("search-service");
		IndexAudit.Result audit = awaitExact(Duration.ofMinutes(3));
		System.out.printf("[drill] kill -9 search-service while indexing 10,000: %s%n", audit);
		assertThat(countStartingWith(prefix)).isEqualTo(10_000);
	}

	@Test
	@Order(2)
	void elasticsearchStoppedForThirtySecondsDuringWrites() throws Exception {
		long deadLettersBefore = endOffset(Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName());
		Writer writer = Writer.start(gateway, "es-down");
		Thread.sleep(3000);
		platform.faults().stopElasticsearch();
		String searchHealth = "http://127.0.0.1:" + platform.settings().ports().searchManagement() + "/actuator/health";
		await().atMost(Duration.ofSeconds(30)).until(() -> status(searchHealth) == 503);
		assertThat(gateway.raw("/api/v1/search?q=anything").statusCode()).isEqualTo(503);
		Thread.sleep(30_000);
		platform.faults().startElasticsearch();
		await().atMost(Duration.ofSeconds(60)).until(() -> status(searchHealth) == 200);
		Thread.sleep(2000);
		writer.stop();
		IndexAudit.Result audit = awaitExact(Duration.ofMinutes(2));
		System.out.printf("[drill] Elasticsearch down 30 s during %d writes (%d answered 2xx): %s%n", writer.attempts(),
				writer.accepted().size(), audit);
		assertThat(writer.failures()).as("writes do not need Elasticsearch").isEmpty();
		assertThat(endOffset(Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName())).as("nothing dead-lettered")
			.isEqualTo(deadLettersBefore);
	}

	@Test
	@Order(3)
	void kafkaRestartedDuringWritesNeverGivesAFalse2xx() throws Exception {
		Writer writer = Writer.start(gateway, "kafka-down");
		Thread.sleep(3000);
		platform.faults().restartKafka(Duration.ofSeconds(10));
		Thread.sleep(5000);
		writer.stop();
		IndexAudit.Result audit = awaitExact(Duration.ofMinutes(3));
		Map<String, IndexAudit.Expected> topics = IndexAudit.expected(platform.kafkaBootstrapServers());
		List<String> missing = writer.accepted()
			.stream()
			.filter((id) -> !topics.containsKey("article:" + id + ":en"))
			.toList();
		System.out.printf(
				"[drill] Kafka restarted (10 s down) during %d writes: %d 2xx, %d refused %s; missing %d; %s%n",
				writer.attempts(), writer.accepted().size(),
				writer.refused().values().stream().mapToInt(AtomicInteger::get).sum(), writer.refused(), missing.size(),
				audit);
		assertThat(missing).as("every 2xx write is in the topics and the index").isEmpty();
		assertThat(writer.refused()).as("writes during the outage are refused with 503").containsKey(503);
		assertThat(writer.refused().keySet()).allMatch((status) -> status == 503);
	}

	@Test
	@Order(4)
	void replayFromTheStartLeavesTheIndexUnchanged() throws Exception {
		Map<String, IndexAudit.Expected> before = IndexAudit.indexed(platform.elasticsearchUrl());
		platform.faults().kill("search-service");
		try (Admin admin = admin()) {
			Map<TopicPartition, OffsetAndMetadata> start = new java.util.HashMap<>();
			for (Topic topic : List.of(Topic.ARTICLES, Topic.EVENTS)) {
				for (int partition = 0; partition < topic.partitions(); partition++) {
					start.put(new TopicPartition(topic.wireName(), partition), new OffsetAndMetadata(0));
				}
			}
			// The group is empty once the killed member's session has expired.
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
				admin.alterConsumerGroupOffsets("search-service", start).all().get(10, TimeUnit.SECONDS);
				return true;
			});
		}
		platform.faults().restart("search-service");
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> lag("search-service") == 0);
		Map<String, IndexAudit.Expected> after = IndexAudit.indexed(platform.elasticsearchUrl());
		IndexAudit.Result audit = IndexAudit.compare(platform.kafkaBootstrapServers(), platform.elasticsearchUrl());
		System.out.printf("[drill] offsets reset to the start, %d documents replayed: changed %d; %s%n", after.size(),
				before.entrySet()
					.stream()
					.filter((entry) -> !entry.getValue().equals(after.get(entry.getKey())))
					.count(),
				audit);
		assertThat(after).isEqualTo(before);
		assertThat(audit.exact()).as(audit.toString()).isTrue();
	}

	@Test
	@Order(5)
	void poisonIsDeadLetteredAndLaterMessagesFlow() throws Exception {
		long deadLettersBefore = endOffset(Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName());
		String id = "poison-" + UUID.randomUUID().toString().substring(0, 6);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			for (String payload : List.of("{not json", "[]", "{\"id\":\"" + id + "\",\"revision\":\"x\"}")) {
				ProducerRecord<String, String> record = new ProducerRecord<>(Topic.ARTICLES.wireName(), id + ":en",
						payload);
				record.headers().add("event-type", "article-published".getBytes(StandardCharsets.UTF_8));
				producer.send(record).get();
			}
		}
		String after = "after-" + id;
		assertThat(gateway
			.send("POST", "/api/v1/articles",
					articleLine(after, "After the poison " + id).replace("\"type\":\"article\",", ""))
			.statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> total("/api/v1/search?q=" + id) == 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> endOffset(Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName()) >= deadLettersBefore + 3);
		HttpResponse<String> letters = gateway.admin("GET", "/api/v1/admin/dead-letters?from=" + deadLettersBefore);
		assertThat(letters.body()).contains(id + ":en", "unreadable");
		HttpResponse<String> replay = gateway.admin("POST",
				"/api/v1/admin/dead-letters/replay?from=" + deadLettersBefore);
		JsonNode report = io.chancery.contracts.MessageJson.mapper().readTree(replay.body());
		System.out.printf("[drill] 3 poison records: dead-lettered with causes; replay: %s%n", replay.body());
		assertThat(report.get("replayed").asLong()).isEqualTo(3);
		assertThat(report.get("stillFailing")).hasSize(3);
	}

	@Test
	@Order(6)
	void counterServiceRestartsWithTheSameAnswersAndNoRepeatedMilestones() throws Exception {
		anEventWithACounter();
		String at = "at=2026-01-01T12:00:00Z";
		JsonNode before = gateway.get("/api/v1/counters?locale=en&" + at);
		assertThat(before.get("counters")).isNotEmpty();
		long milestones = endOffset(Topic.COUNTER_MILESTONES.wireName());
		platform.faults().kill("counter-service");
		platform.faults().restart("counter-service");
		JsonNode after = gateway.get("/api/v1/counters?locale=en&" + at);
		System.out.printf("[drill] counter-service restarted: %d counters before, %d after%n",
				before.get("counters").size(), after.get("counters").size());
		assertThat(after.get("counters")).isEqualTo(before.get("counters"));
		// The restarted service has looked for due milestones a few times: had it
		// forgotten what was announced, it would have announced again by then.
		String metrics = "http://127.0.0.1:" + platform.settings().ports().counterManagement() + "/actuator/prometheus";
		await().atMost(Duration.ofSeconds(60)).until(() -> milestoneLooks(metrics) >= 3);
		assertThat(endOffset(Topic.COUNTER_MILESTONES.wireName())).as("no milestone published again")
			.isEqualTo(milestones);
	}

	@Test
	@Order(7)
	void homeAnswersWithAServiceDown() throws Exception {
		anEventWithACounter();
		platform.faults().kill("counter-service");
		try {
			// A complete page composed just before the kill may still be shared for a
			// moment (chancery.home.shared-for).
			await().atMost(Duration.ofSeconds(5))
				.until(() -> gateway.get("/api/v1/home?locale=en").get("unavailable").toString().contains("counters"));
			JsonNode home = gateway.get("/api/v1/home?locale=en");
			System.out.printf("[drill] counter-service down: /api/v1/home 200, unavailable %s%n",
					home.get("unavailable"));
			assertThat(home.get("unavailable").toString()).contains("clocks", "counters");
			assertThat(home.get("latestEvents")).isNotEmpty();
		}
		finally {
			platform.faults().restart("counter-service");
		}
	}

	/**
	 * An event with a counter whose milestones have passed, published once through the
	 * gateway; the drills may run without the demo catalog.
	 */
	private static void anEventWithACounter() {
		String path = "/api/v1/counters/drill-counter?locale=en";
		if (gateway.raw(path).statusCode() == 200) {
			return;
		}
		String event = "{\"id\":\"drill-counter\",\"locale\":\"en\",\"date\":\"2020-01-01\","
				+ "\"timeZone\":\"Europe/London\",\"title\":\"The drill incident\",\"counter\":{\"caption\":"
				+ "\"days have passed since the drill incident\",\"timeZone\":\"Europe/London\",\"direction\":\"since\","
				+ "\"milestones\":[100,1000]}}";
		assertThat(gateway.send("PUT", "/api/v1/events/drill-counter/en", event).statusCode()).isIn(200, 201);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> gateway.raw(path).statusCode() == 200 && total("/api/v1/events?locale=en") > 0);
	}

	private static IndexAudit.Result awaitExact(Duration limit) {
		return IndexAudit.awaitExact(platform.kafkaBootstrapServers(), platform.elasticsearchUrl(), limit);
	}

	private static long total(String pathAndQuery) {
		return gateway.get(pathAndQuery).get("total").asLong();
	}

	private static long countStartingWith(String prefix) {
		return IndexAudit.indexed(platform.elasticsearchUrl())
			.keySet()
			.stream()
			.filter((key) -> key.startsWith("article:" + prefix))
			.count();
	}

	private int status(String uri) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()));
	}

	private static long endOffset(String topic) throws Exception {
		try (Admin admin = admin()) {
			TopicPartition partition = new TopicPartition(topic, 0);
			return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
		}
	}

	/**
	 * Records the group has yet to process. Measured against the end of each partition's
	 * data, not its log end: on a transactional topic the last offset is usually a commit
	 * marker, which a consumer never receives and so never commits past.
	 */
	private static long lag(String group) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed;
		try (Admin admin = admin()) {
			committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
		}
		if (committed.isEmpty()) {
			return Long.MAX_VALUE;
		}
		long lag = 0;
		for (Map.Entry<TopicPartition, Long> end : dataEnds(committed.keySet()).entrySet()) {
			OffsetAndMetadata done = committed.get(end.getKey());
			lag += Math.max(0, end.getValue() - ((done != null) ? done.offset() : 0));
		}
		return lag;
	}

	/** One past the last committed record of each partition, as a consumer sees it. */
	private static Map<TopicPartition, Long> dataEnds(Set<TopicPartition> partitions) {
		Map<TopicPartition, Long> ends = new java.util.HashMap<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(partitions);
			Map<TopicPartition, Long> stable = consumer.endOffsets(partitions);
			for (TopicPartition partition : partitions) {
				ends.put(partition, 0L);
				// The last few offsets hold the last records and their markers.
				consumer.seek(partition, Math.max(0, stable.get(partition) - 10));
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < stable.get(partition))
					&& System.nanoTime() < deadline) {
				for (var record : consumer.poll(Duration.ofMillis(200))) {
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					ends.merge(partition, record.offset() + 1, Math::max);
				}
			}
		}
		return ends;
	}

	/**
	 * One of ingest-service's two replicas is killed with SIGKILL while editors write 100
	 * changes a second through the gateway: every acknowledged write is on its topic,
	 * every other answer is a 503, every measured write is answered within 2 s, and
	 * writes to the killed replica's partitions are refused only until the other replica
	 * takes them over (the ownership gap, at most 15 s). Refusals because a bound was
	 * reached (overload, not the kill) are counted apart. The writes before the platform
	 * answers at a steady pace (five seconds in a row of writes all acknowledged, their
	 * median within {@value #STEADY_MEDIAN_MILLIS} ms) are a warm-up, checked on the
	 * topics but not counted: a platform just started is slow for its first minute here
	 * (every JVM compiling on two shared cores), and the drill is about the kill.
	 */
	@Test
	@Order(7)
	void anIngestReplicaKilledDuringWritesLosesNoAcknowledgedWrite() throws Exception {
		assertThat(platform.ingestReplicas()).as("the drill needs two replicas").hasSizeGreaterThanOrEqualTo(2);
		String victim = platform.ingestReplicas().get(1);
		String prefix = "owner-" + UUID.randomUUID().toString().substring(0, 6) + "-";
		Set<String> accepted = ConcurrentHashMap.newKeySet();
		Map<Integer, AtomicInteger> answers = new java.util.TreeMap<>();
		AtomicInteger ownershipRefused = new AtomicInteger();
		AtomicInteger overloaded = new AtomicInteger();
		List<Long> acceptedMillis = new java.util.concurrent.CopyOnWriteArrayList<>();
		java.util.concurrent.atomic.LongAccumulator slowest = new java.util.concurrent.atomic.LongAccumulator(Math::max,
				0);
		List<Long> acceptedBeforeKillMillis = new java.util.concurrent.CopyOnWriteArrayList<>();
		long[] kill = { Long.MAX_VALUE };
		AtomicInteger inFlight = new AtomicInteger();
		Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		// Each write's second since the start, answer and time to it, for the drill's
		// course: a cold platform, a backlog and the kill look different.
		List<long[]> course = new java.util.concurrent.CopyOnWriteArrayList<>();
		long begun = System.nanoTime();
		// The platform has just started when the drill runs alone, and its first
		// seconds are slow (every JVM still compiling): the writes of the warm-up are
		// checked on the topics like the others but not counted in the answers, so that
		// the figures are those of the kill under steady load.
		java.util.concurrent.atomic.AtomicLong measuredFrom = new java.util.concurrent.atomic.AtomicLong(
				Long.MAX_VALUE);
		java.util.concurrent.ScheduledExecutorService pace = java.util.concurrent.Executors.newScheduledThreadPool(16);
		// 100 writes a second, each to an item of its own, whatever the answers take.
		pace.scheduleAtFixedRate(() -> Thread.ofVirtual().start(() -> {
			String id = prefix + next.getAndIncrement();
			int waiting = inFlight.incrementAndGet();
			long sent = System.nanoTime();
			int status;
			String detail = "";
			try {
				HttpResponse<String> response = gateway.send("POST", "/api/v1/articles",
						articleLine(id, "Written during a drill " + id).replace("\"type\":\"article\",", ""));
				status = response.statusCode();
				detail = response.body().replaceAll("(?s).*\"detail\":\"([^\"]{0,60}).*", "$1");
			}
			catch (RuntimeException ex) {
				status = -1;
				detail = ex.toString();
			}
			course.add(new long[] { TimeUnit.NANOSECONDS.toSeconds(sent - begun), status,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent), waiting });
			if (status == 201) {
				accepted.add(id);
			}
			if (sent < measuredFrom.get()) {
				inFlight.decrementAndGet();
				return;
			}
			synchronized (answers) {
				answers.computeIfAbsent(status, (code) -> new AtomicInteger()).incrementAndGet();
			}
			slowest.accumulate(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
			if (status == 201) {
				long took = (System.nanoTime() - sent) / 1_000_000;
				acceptedMillis.add(took);
				if (System.nanoTime() < kill[0]) {
					acceptedBeforeKillMillis.add(took);
				}
			}
			else {
				refusals.computeIfAbsent(status + " " + detail, (key) -> new AtomicInteger()).incrementAndGet();
				// Overload is any of the bounds: a partition's queue at ingest-service,
				// or the writes the gateway or a replica works on at once.
				boolean overload = detail.startsWith("Too many changes") || detail.contains("as many writes as")
						|| detail.startsWith("This replica is working on");
				(overload ? overloaded : ownershipRefused).incrementAndGet();
			}
			inFlight.decrementAndGet();
		}), 0, 10, TimeUnit.MILLISECONDS);
		long warmUp = awaitSteadyWrites(course, begun);
		measuredFrom.set(System.nanoTime());
		Thread.sleep(10_000);
		long killedAt = System.nanoTime();
		kill[0] = killedAt;
		platform.faults().kill(victim);
		Duration gap = awaitOneWriterOfEveryPartition(killedAt);
		Thread.sleep(Math.max(0, 30_000 - gap.toMillis()));
		pace.shutdown();
		pace.awaitTermination(10, TimeUnit.SECONDS);
		// Every write answered before the topics are read: an answer may come late.
		await().atMost(Duration.ofSeconds(90)).until(() -> inFlight.get() == 0);

		Map<String, IndexAudit.Expected> topics = IndexAudit.expected(platform.kafkaBootstrapServers());
		List<String> missing = accepted.stream().filter((id) -> !topics.containsKey("article:" + id + ":en")).toList();
		System.out
			.printf("[drill] %s killed (kill -9) during %d writes at 100/s through the gateway to 2 replicas, the first %d s "
					+ "of them a warm-up until the writes were steady, unmeasured: answers %s, the slowest in %d ms; acknowledged answered p50 %d ms, p99 %d ms (before the kill "
					+ "p50 %d ms, p99 %d ms); %d acknowledged in all, warm-up included, %d of them missing from the "
					+ "topics; ownership gap %.1f s (from the kill until the group of writers gave every partition to "
					+ "the survivor); %d refused for want of a live owner, %d as overload; refusals by reason: %s%n",
					victim, next.get(), warmUp, answers, slowest.get(), percentile(acceptedMillis, 50),
					percentile(acceptedMillis, 99), percentile(acceptedBeforeKillMillis, 50),
					percentile(acceptedBeforeKillMillis, 99), accepted.size(), missing.size(), gap.toMillis() / 1e3,
					ownershipRefused.get(), overloaded.get(), refusals);
		System.out.printf("[drill] by the second each write was sent (the kill at %d s): %s%n",
				TimeUnit.NANOSECONDS.toSeconds(killedAt - begun), bySecond(course));
		platform.faults().restart(victim);
		assertThat(missing).as("every acknowledged write is on its topic").isEmpty();
		assertThat(course).as("answers %s", answers).allMatch((write) -> write[1] == 201 || write[1] == 503);
		assertThat(gap).as("the ownership gap after a kill -9").isLessThanOrEqualTo(Duration.ofSeconds(15));
		assertThat(slowest.get()).as("the slowest answer to a measured write, in ms").isLessThanOrEqualTo(2000);
		// Every bound counts as overload: the gateway's writes in flight as much as a
		// partition's queue.
		int measured = answers.values().stream().mapToInt(AtomicInteger::get).sum();
		assertThat(overloaded.get()).as("measured writes refused as overload").isLessThan(measured / 50);
	}

	/**
	 * Waits until the writes sent in the last five seconds (answers allowed a second)
	 * were all acknowledged with a median within {@value #STEADY_MEDIAN_MILLIS} ms, for
	 * at most {@value #MOST_WARM_UP_SECONDS} s, and returns the seconds it took.
	 */
	private static long awaitSteadyWrites(List<long[]> course, long begun) throws InterruptedException {
		long deadline = begun + TimeUnit.SECONDS.toNanos(MOST_WARM_UP_SECONDS);
		while (System.nanoTime() < deadline) {
			Thread.sleep(1000);
			long now = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begun);
			if (now < 6) {
				continue;
			}
			List<long[]> window = course.stream().filter((write) -> write[0] >= now - 6 && write[0] < now - 1).toList();
			boolean allAcknowledged = window.size() >= 490 && window.stream().allMatch((write) -> write[1] == 201);
			if (allAcknowledged
					&& percentile(window.stream().map((write) -> write[2]).toList(), 50) <= STEADY_MEDIAN_MILLIS) {
				return now;
			}
		}
		System.out.printf("[drill] the writes were not steady after %d s; the kill comes anyway%n",
				MOST_WARM_UP_SECONDS);
		return MOST_WARM_UP_SECONDS;
	}

	/**
	 * Waits until ingest-service's group of writers has one member holding all seven
	 * source partitions, and returns how long after the kill that was.
	 */
	private static Duration awaitOneWriterOfEveryPartition(long killedAt) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
			while (System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(60)) {
				var group = admin.describeConsumerGroups(List.of("ingest-service-writers"))
					.describedGroups()
					.get("ingest-service-writers")
					.get(5, TimeUnit.SECONDS);
				if (group.members().size() == 1
						&& group.members().iterator().next().assignment().topicPartitions().size() == 7) {
					return Duration.ofNanos(System.nanoTime() - killedAt);
				}
				Thread.sleep(100);
			}
		}
		throw new AssertionError("The survivor did not hold every partition within 60 s of the kill");
	}

	/**
	 * Writes sent in each five seconds: how many were acknowledged and in what median
	 * time, how many were refused and in what median time, and the most writes without an
	 * answer yet when one was sent (more than the gateway's 64 means writes waited before
	 * the gateway took them).
	 */
	private static String bySecond(List<long[]> course) {
		Map<Long, List<long[]>> windows = new java.util.TreeMap<>();
		for (long[] write : course) {
			windows.computeIfAbsent(write[0] / 5 * 5, (start) -> new ArrayList<>()).add(write);
		}
		List<String> lines = new ArrayList<>();
		windows.forEach((start, writes) -> {
			List<Long> acknowledged = writes.stream()
				.filter((write) -> write[1] == 201)
				.map((write) -> write[2])
				.toList();
			List<Long> refused = writes.stream().filter((write) -> write[1] != 201).map((write) -> write[2]).toList();
			long waiting = writes.stream().mapToLong((write) -> write[3]).max().orElse(0);
			long slowest = writes.stream().mapToLong((write) -> write[2]).max().orElse(0);
			lines.add(start + "–" + (start + 5) + " s: " + acknowledged.size() + " × 201 (p50 "
					+ percentile(acknowledged, 50) + " ms), " + refused.size() + " refused (p50 "
					+ percentile(refused, 50) + " ms), slowest answer " + slowest + " ms, at most " + waiting
					+ " unanswered");
		});
		return String.join("; ", lines);
	}

	private static long percentile(List<Long> values, int percent) {
		if (values.isEmpty()) {
			return 0;
		}
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
	}

	static String articleLine(String id, String title) {
		return articleLine(id, title, "drill");
	}

	static String articleLine(String id, String title, String tag) {
		return "{\"type\":\"article\",\"id\":\"" + id + "\",\"locale\":\"en\",\"kind\":\"statement\",\"title\":\""
				+ title + "\",\"lead\":\"A drill\",\"body\":\"<p>Text of " + title + "</p>\","
				+ "\"publishedAt\":\"2015-06-01T10:00:00Z\",\"timeZone\":\"Europe/London\",\"people\":[],\"tags\":[\""
				+ tag + "\"]}";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Writes articles through the gateway one after another until stopped, keeping count.
	 */
	static final class Writer {

		private final Set<String> accepted = ConcurrentHashMap.newKeySet();

		private final Map<Integer, AtomicInteger> refused = new ConcurrentHashMap<>();

		private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicInteger attempts = new AtomicInteger();

		/** When each 2xx came back, to find the longest time without one. */
		private final List<Long> acceptedAt = new java.util.concurrent.CopyOnWriteArrayList<>();

		private Thread thread;

		static Writer start(Gateway gateway, String label) {
			Writer writer = new Writer();
			String prefix = label + "-" + UUID.randomUUID().toString().substring(0, 6) + "-";
			writer.thread = Thread.ofPlatform().start(() -> {
				int n = 0;
				while (writer.running.get()) {
					String id = prefix + n++;
					writer.attempts.incrementAndGet();
					try {
						HttpResponse<String> response = gateway.send("POST", "/api/v1/articles",
								articleLine(id, "Written during a drill " + id).replace("\"type\":\"article\",", ""));
						if (response.statusCode() == 201) {
							writer.accepted.add(id);
							writer.acceptedAt.add(System.nanoTime());
						}
						else {
							writer.refused.computeIfAbsent(response.statusCode(), (status) -> new AtomicInteger())
								.incrementAndGet();
							if (response.statusCode() != 503) {
								writer.failures.add(id + ": " + response.statusCode() + " " + response.body());
							}
						}
					}
					catch (RuntimeException ex) {
						writer.failures.add(id + ": " + ex);
					}
					sleep(50);
				}
			});
			return writer;
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			this.thread.join();
		}

		Set<String> accepted() {
			return this.accepted;
		}

		Map<Integer, AtomicInteger> refused() {
			return this.refused;
		}

		List<String> failures() {
			return this.failures;
		}

		int attempts() {
			return this.attempts.get();
		}

		/** The longest time between two writes answered 2xx. */
		Duration longestWithoutAcceptance() {
			long longest = 0;
			for (int i = 1; i < this.acceptedAt.size(); i++) {
				longest = Math.max(longest, this.acceptedAt.get(i) - this.acceptedAt.get(i - 1));
			}
			return Duration.ofNanos(longest);
		}

	}

	/** How many times counter-service has looked for due milestones since it started. */
	private static double milestoneLooks(String metrics) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(metrics)).build(), HttpResponse.BodyHandlers.ofString());
		return response.body()
			.lines()
			.filter((line) -> line.startsWith("chancery_counters_milestone_looks_total"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
