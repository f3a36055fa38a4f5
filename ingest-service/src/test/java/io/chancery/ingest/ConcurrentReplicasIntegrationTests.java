package io.chancery.ingest;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.chancery.contracts.MessageJson;
import io.chancery.contracts.PartitionOwner;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas share the partitions instead of fencing each other: sixteen editors writing
 * for 30 s through every replica of two and of three, to items in every partition of both
 * content topics and to one item they all change, are all answered 2xx; every
 * acknowledged change is on its topic, and each item's revisions rise strictly in the
 * order the topic holds them. Of two changes conditioned on the same revision through two
 * replicas, exactly one wins.
 */
class ConcurrentReplicasIntegrationTests {

	private static final int WRITERS = 16;

	private static final Duration WRITING = Duration.ofSeconds(30);

	@ParameterizedTest(name = "{0} replicas")
	@ValueSource(ints = { 2, 3 })
	void everyWriteThroughEveryReplicaIsAcceptedInOrder(int replicaCount) throws Exception {
		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		String run = "cr" + replicaCount + "-" + UUID.randomUUID().toString().substring(0, 8);
		String shared = run + "-shared";
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		try (IngestInstances instances = new IngestInstances()) {
			List<IngestClient> replicas = new ArrayList<>();
			for (int r = 0; r < replicaCount; r++) {
				replicas.add(instances.start(bootstrap));
			}
			Map<String, List<Long>> acknowledged = new ConcurrentHashMap<>();
			Map<Integer, AtomicInteger> statuses = new TreeMap<>();
			List<String> refusals = Collections.synchronizedList(new ArrayList<>());
			Map<String, Set<Integer>> ownersByPartition = new ConcurrentHashMap<>();
			List<String> wrongHints = Collections.synchronizedList(new ArrayList<>());
			long end = System.nanoTime() + WRITING.toNanos();
			List<CompletableFuture<Void>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				int writer = w;
				writers.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; System.nanoTime() < end; i++) {
						IngestClient replica = replicas.get((writer + i) % replicas.size());
						boolean event = writer % 2 == 1;
						String id = (i % 10 == 9) ? shared : run + "-" + writer + "-" + (i % 12);
						String path = (event && !id.equals(shared)) ? "/api/v1/events/" + id + "/en"
								: "/api/v1/articles/" + id + "/en";
						String body = path.startsWith("/api/v1/events") ? Fixtures.event(id, "en")
								: Fixtures.article(id, "en", "Writer " + writer + " change " + i);
						HttpResponse<String> response = send(replica, path, body);
						synchronized (statuses) {
							statuses.computeIfAbsent(response.statusCode(), (status) -> new AtomicInteger())
								.incrementAndGet();
						}
						if (response.statusCode() == 200) {
							long revision = Long
								.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
							acknowledged
								.computeIfAbsent(topicOf(path) + "/" + id + ":en",
										(key) -> Collections.synchronizedList(new ArrayList<>()))
								.add(revision);
							String key = id + ":en";
							Optional<PartitionOwner> hint = response.headers()
								.firstValue(PartitionOwner.HEADER)
								.flatMap(PartitionOwner::parse);
							if (hint.isEmpty() || !hint.get().topic().equals(topicOf(path))
									|| hint.get().partitions() != 3 || hint.get().partition() != BuiltInPartitioner
										.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 3)) {
								wrongHints.add(path + " " + hint);
							}
							else {
								ownersByPartition
									.computeIfAbsent(hint.get().topic() + "-" + hint.get().partition(),
											(partition) -> ConcurrentHashMap.newKeySet())
									.add(hint.get().owner().getPort());
							}
						}
						else if (refusals.size() < 5) {
							refusals.add(response.statusCode() + " " + response.body());
						}
					}
				}, pool));
			}
			CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

			System.out.printf("%d replicas, %d writers for %d s: answers %s%n", replicaCount, WRITERS,
					WRITING.toSeconds(), statuses);
			assertThat(statuses.keySet()).as("answers %s, first refusals %s", statuses, refusals).containsExactly(200);
			assertThat(statuses.get(200).get()).isGreaterThan(WRITERS * 10);
			// Each answer names the replica that writes the item's partition, which the
			// gateway sends the partition's next changes to.
			assertThat(wrongHints).isEmpty();
			Set<Integer> ports = replicas.stream()
				.map((replica) -> URI.create(replica.base()).getPort())
				.collect(java.util.stream.Collectors.toSet());
			assertThat(ownersByPartition).hasSize(6)
				.allSatisfy((partition, owners) -> assertThat(owners).as(partition).isNotEmpty().isSubsetOf(ports));
			for (Topic topic : List.of(Topic.ARTICLES, Topic.EVENTS)) {
				List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(bootstrap, topic,
						(key) -> key.startsWith(run));
				Map<String, List<Long>> onTopic = new TreeMap<>();
				for (ConsumerRecord<String, byte[]> record : records) {
					onTopic.computeIfAbsent(topic.wireName() + "/" + record.key(), (key) -> new ArrayList<>())
						.add(MessageJson.mapper().readTree(record.value()).path("revision").asLong());
				}
				acknowledged.forEach((key, revisions) -> {
					if (key.startsWith(topic.wireName() + "/")) {
						assertThat(onTopic.get(key)).as(key).isSorted().doesNotHaveDuplicates().containsAll(revisions);
					}
				});
				assertThat(records.stream().map(ConsumerRecord::partition).distinct())
					.as("partitions of %s written", topic.wireName())
					.hasSize(3);
			}
			assertThat(acknowledged.get("articles/" + shared + ":en")).hasSizeGreaterThan(WRITERS);

			// Two replicas try to build on the same current revision: one wins, one is
			// told it is stale.
			List<Long> sharedRevisions = new ArrayList<>(acknowledged.get("articles/" + shared + ":en"));
			long current = Collections.max(sharedRevisions);
			List<CompletableFuture<Integer>> race = replicas.subList(0, 2)
				.stream()
				.map((replica) -> CompletableFuture.supplyAsync(() -> {
					try {
						return replica
							.asEditor("PUT", "/api/v1/articles/" + shared + "/en",
									Fixtures.article(shared, "en", "Race"), "If-Match", "\"" + current + "\"")
							.statusCode();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}, pool))
				.toList();
			assertThat(race.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * An import sent to one replica is stored whole, whichever replica writes each line's
	 * partition: the others' lines are imported there, and the report counts them.
	 */
	@Test
	void anImportThroughOneReplicaIsStoredWhole() throws Exception {
		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		String run = "ci-" + UUID.randomUUID().toString().substring(0, 8);
		try (IngestInstances instances = new IngestInstances()) {
			IngestClient first = instances.start(bootstrap);
			IngestClient second = instances.start(bootstrap);
			StringBuilder ndjson = new StringBuilder();
			int articles = 0;
			int events = 0;
			for (int line = 1; line <= 300; line++) {
				if (line % 100 == 50) {
					ndjson.append("{\"type\":\"article\",\"id\":\"").append(run).append("-bad\"}\n");
				}
				else if (line % 3 == 0) {
					ndjson.append(oneLine(Fixtures.event(run + "-e" + line, "en"), "event"));
					events++;
				}
				else {
					ndjson.append(oneLine(Fixtures.article(run + "-a" + line, "en", "Item " + line), "article"));
					articles++;
				}
			}
			HttpResponse<String> response = first.send("POST", "/api/v1/import", "application/x-ndjson",
					ndjson.toString(), "X-Api-Key", IngestClient.EDITOR_KEY, "Import-Id", run);

			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			var report = MessageJson.mapper().readTree(response.body());
			assertThat(report.get("accepted").asLong()).isEqualTo(articles + events);
			assertThat(report.get("rejections").valueStream().map((rejection) -> rejection.get("line").asLong()))
				.containsExactly(50L, 150L, 250L);
			List<ConsumerRecord<String, byte[]>> onArticles = TopicRecords.read(bootstrap, Topic.ARTICLES,
					(key) -> key.startsWith(run));
			assertThat(onArticles).hasSize(articles);
			assertThat(onArticles.stream().map(ConsumerRecord::partition).distinct()).hasSize(3);
			assertThat(TopicRecords.read(bootstrap, Topic.EVENTS, (key) -> key.startsWith(run))).hasSize(events);

			// Its report lives on the replica that ran it; the other asks its peers.
			HttpResponse<String> progress = second.send("GET", "/api/v1/imports/" + run, null, null, "X-Api-Key",
					IngestClient.EDITOR_KEY);
			assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);
			assertThat(MessageJson.mapper().readTree(progress.body()).get("accepted").asLong())
				.isEqualTo(articles + events);
			assertThat(
					second.send("GET", "/api/v1/imports/none-" + run, null, null, "X-Api-Key", IngestClient.EDITOR_KEY)
						.statusCode())
				.isEqualTo(404);
		}
	}

	/**
	 * A replica stopped gracefully (as in a rolling update) hands its partitions over:
	 * the other holds all seven within two seconds of the stop, and writes through it go
	 * on meanwhile, every answer a 200 or a 503 that nothing was stored.
	 */
	@Test
	void aGracefulStopHandsThePartitionsOverWithinTwoSeconds() throws Exception {
		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		String run = "gs-" + UUID.randomUUID().toString().substring(0, 8);
		try (IngestInstances instances = new IngestInstances();
				Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			IngestClient survivor = instances.start(bootstrap);
			instances.start(bootstrap);
			await().atMost(Duration.ofSeconds(30)).until(() -> owners(admin, instances.group()).size() == 2);
			Map<Integer, AtomicInteger> statuses = new TreeMap<>();
			AtomicInteger written = new AtomicInteger();
			long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
			CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
				while (System.nanoTime() < end) {
					int n = written.getAndIncrement();
					String id = run + "-" + (n % 40);
					HttpResponse<String> response = send(survivor, "/api/v1/articles/" + id + "/en",
							Fixtures.article(id, "en", "Change " + n));
					synchronized (statuses) {
						statuses.computeIfAbsent(response.statusCode(), (status) -> new AtomicInteger())
							.incrementAndGet();
					}
				}
			});
			Thread.sleep(2000);
			long stopped = System.nanoTime();
			Thread stopping = Thread.ofPlatform().start(() -> instances.stop(1));
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> owners(admin, instances.group()).size() == 1
						&& owners(admin, instances.group()).values().iterator().next() == 7);
			Duration handover = Duration.ofNanos(System.nanoTime() - stopped);
			stopping.join();
			writer.join();
			System.out.printf(
					"graceful stop of 1 of 2 replicas: the other held every partition %d ms after the stop "
							+ "began; %d writes through it meanwhile: %s%n",
					handover.toMillis(), written.get(), statuses);
			assertThat(handover).isLessThanOrEqualTo(Duration.ofSeconds(2));
			assertThat(statuses.keySet()).as("answers %s", statuses).isSubsetOf(200, 503);
		}
	}

	/** How many partitions each member of a group of writers holds. */
	private static Map<String, Integer> owners(Admin admin, String group) throws Exception {
		Map<String, Integer> owners = new TreeMap<>();
		admin.describeConsumerGroups(List.of(group))
			.describedGroups()
			.get(group)
			.get(5, java.util.concurrent.TimeUnit.SECONDS)
			.members()
			.forEach((member) -> owners.put(member.consumerId(), member.assignment().topicPartitions().size()));
		return owners;
	}

	private static String oneLine(String json, String type) {
		return json.replace("\n", "").replace("{\"id\"", "{\"type\":\"" + type + "\",\"id\"") + "\n";
	}

	private static String topicOf(String path) {
		return path.startsWith("/api/v1/events") ? Topic.EVENTS.wireName() : Topic.ARTICLES.wireName();
	}

	private static HttpResponse<String> send(IngestClient replica, String path, String body) {
		try {
			return replica.asEditor("PUT", path, body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
