package io.chancery.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.chancery.infrastructure.ClusterNode;
import io.chancery.infrastructure.KafkaClusterNode;
import io.chancery.kafka.TopicContents;
import io.chancery.localrun.LocalPlatform;
import io.chancery.localrun.Settings;
import io.chancery.system.StormLoad.Observation;
import io.chancery.system.StormSchedule.Fault;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storm: the platform at production shape (three Kafka nodes, two Elasticsearch data
 * nodes and a tiebreaker, two replicas of every service) under a steady mixed load for
 * {@code chancery.storm.minutes} (5), while faults drawn from {@code chancery.storm.seed}
 * (random when not given) crash, pause and restart brokers, Elasticsearch nodes and
 * service replicas one at a time. After a heal period the checker compares what the
 * clients saw with what the platform holds. The seed, the schedule and every observation
 * are written to {@code target/storm/<seed>/}, so a failing run can be run again with the
 * same seed.
 */
class StormDrillTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void whatClientsWereToldIsWhatThePlatformHolds() throws Exception {
		long seed = Long.getLong("chancery.storm.seed", new java.util.Random().nextLong() & 0xffffffL);
		Duration length = Duration.ofMinutes(Long.getLong("chancery.storm.minutes", 5));
		Path output = Files.createDirectories(Path.of("target", "storm", Long.toString(seed)));
		Path home = Path.of(System.getProperty("java.io.tmpdir"), "chancery-storm-" + UUID.randomUUID());
		Settings settings = Settings
			.onFreePorts(Stack.project(), Stack.version(), home, (line) -> System.out.println("[storm] " + line))
			.withEnvironment(Stack.environment())
			.withIngestReplicas(2)
			.withReplicas(2)
			.withClusteredEngines();
		try (LocalPlatform platform = LocalPlatform.start(settings)) {
			Map<String, ClusterNode> engines = new TreeMap<>();
			platform.faults().kafkaNodes().forEach((node) -> engines.put(node.name(), node));
			platform.faults()
				.elasticsearchNodes()
				.stream()
				.filter((node) -> node.holdsData())
				.forEach((node) -> engines.put(node.name(), node));
			List<String> services = new ArrayList<>();
			for (String service : List.of("web-gateway", "ingest-service", "search-service", "counter-service")) {
				services.addAll(platform.replicas(service));
			}
			StormSchedule schedule = StormSchedule.draw(seed, length,
					engines.keySet().stream().filter((name) -> name.startsWith("kafka")).toList(),
					engines.keySet().stream().filter((name) -> !name.startsWith("kafka")).toList(), services);
			Files.writeString(output.resolve("schedule.txt"), schedule.toString());
			System.out.println("[storm] schedule:\n" + schedule);

			String tag = "storm" + seed;
			StormLoad load = new StormLoad(platform.gatewayUrl(), platform.editorKey(), tag);
			long started = System.nanoTime();
			List<String> applied = new ArrayList<>();
			load.start(3, seed);
			for (Fault fault : schedule.faults()) {
				long wait = fault.at().toNanos() - (System.nanoTime() - started);
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				String roles = (engines.get(fault.target()) instanceof KafkaClusterNode broker)
						? " (" + roles(platform.kafkaBootstrapServers(), broker.id()) + ")" : "";
				long from = load.elapsedMillis();
				System.out.println("[storm] " + fault + roles);
				apply(platform, engines, fault);
				// A fault applied late (a restart before it took its time) moves the ones
				// after it: the times the load saw are what explain its gaps.
				applied.add(String.format(Locale.ROOT, "%s%s  [load time %.1f s to %.1f s]", fault, roles,
						from / 1000.0, load.elapsedMillis() / 1000.0));
			}
			long rest = length.toNanos() - (System.nanoTime() - started);
			if (rest > 0) {
				TimeUnit.NANOSECONDS.sleep(rest);
			}
			long stoppedAt = load.elapsedMillis();
			load.stop();
			load.write(output.resolve("observations.tsv"));
			Files.write(output.resolve("faults.txt"), applied);

			// Heal: the index catches up with the topics.
			IndexAudit.Result audit = IndexAudit.awaitExact(platform.kafkaBootstrapServers(),
					platform.elasticsearchUrl(), Duration.ofMinutes(3));
			Map<String, List<IndexAudit.Expected>> history = IndexAudit.history(platform.kafkaBootstrapServers());
			List<String> problems = new ArrayList<>();
			check(load, history, problems);
			checkImports(load, history, problems);
			checkGone(platform, load, tag, problems);
			checkCounters(platform, load, problems);
			checkMilestones(platform, load, tag, problems);
			List<Observation> observations = load.observations();
			long writes = observations.stream().filter((o) -> !o.method().equals("GET")).count();
			long acknowledged = load.acknowledged().values().stream().mapToLong(List::size).sum();
			long refused = observations.stream().filter((o) -> o.status() == 503 || o.status() == 429).count();
			long unanswered = observations.stream().filter((o) -> o.status() == -1).count();
			String summary = String.format(Locale.ROOT,
					"[drill] storm seed %d: %d faults, %.1f min of load; %d requests (%d writes, %d acknowledged, %d refused"
							+ " 503/429, %d without an answer); longest without a 2xx write %s, without a 2xx search"
							+ " %s; index: %s; checker: %s",
					seed, schedule.faults().size(), stoppedAt / 60_000.0, observations.size(), writes, acknowledged,
					refused, unanswered, longestGap(observations, false, stoppedAt),
					longestGap(observations, true, stoppedAt), audit,
					problems.isEmpty() ? "every promise kept" : problems.size() + " problems");
			System.out.println(summary);
			Files.writeString(output.resolve("result.txt"), summary + "\n" + String.join("\n", problems) + "\n");
			assertThat(problems).as("written to " + output.toAbsolutePath()).isEmpty();
		}
		finally {
			if (!Boolean.getBoolean("chancery.keep-state")) {
				Stack.deleteRecursively(home);
			}
		}
	}

	private static void apply(LocalPlatform platform, Map<String, ClusterNode> engines, Fault fault)
			throws InterruptedException {
		ClusterNode engine = engines.get(fault.target());
		switch (fault.kind()) {
			case KILL -> {
				if (engine != null) {
					engine.kill();
					Thread.sleep(fault.hold().toMillis());
					engine.start();
				}
				else {
					platform.faults().kill(fault.target());
					Thread.sleep(fault.hold().toMillis());
					platform.faults().restart(fault.target());
				}
			}
			case PAUSE -> {
				if (engine != null) {
					engine.pause();
					Thread.sleep(fault.hold().toMillis());
					engine.resume();
				}
				else {
					platform.faults().pause(fault.target());
					Thread.sleep(fault.hold().toMillis());
					platform.faults().resume(fault.target());
				}
			}
			case RESTART -> {
				if (engine != null) {
					engine.stop();
					engine.start();
				}
				else {
					platform.faults().restart(fault.target());
				}
			}
		}
	}

	/**
	 * What a broker is to the cluster when it is struck: how many partition leaderships
	 * it holds, how many open transactions it coordinates, and whether it is the active
	 * controller.
	 */
	private static String roles(String bootstrapServers, int id) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				10_000))) {
			Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
			long partitions = 0;
			long led = 0;
			for (TopicDescription topic : admin.describeTopics(topics)
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.values()) {
				for (var partition : topic.partitions()) {
					partitions++;
					if (partition.leader() != null && partition.leader().id() == id) {
						led++;
					}
				}
			}
			List<String> transactional = admin.listTransactions()
				.all()
				.get(10, TimeUnit.SECONDS)
				.stream()
				.map((listing) -> listing.transactionalId())
				.toList();
			long coordinated = admin.describeTransactions(transactional)
				.all()
				.get(10, TimeUnit.SECONDS)
				.values()
				.stream()
				.filter((transaction) -> transaction.coordinatorId() == id)
				.count();
			boolean controller = admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId() == id;
			return "leads " + led + " of " + partitions + " partitions, coordinates " + coordinated + " of "
					+ transactional.size() + " transactional ids" + (controller ? ", the active controller" : "");
		}
		catch (Exception ex) {
			return "roles unknown: " + ex;
		}
	}

	/**
	 * Every acknowledged revision is on its topic; each item's revisions rise strictly in
	 * the topic's order; no two acknowledged writes share a revision; every answer was a
	 * 2xx, a 409 to a conditional write, a 404 or 410 for an item gone, or a 503/429 with
	 * Retry-After — never another 5xx, and never no answer within the timeout. A
	 * connection closed without an answer (a gateway replica killed under it) is counted,
	 * not held against the platform: a client retries it, as from any load balancer.
	 */
	private static void check(StormLoad load, Map<String, List<IndexAudit.Expected>> history, List<String> problems) {
		load.acknowledged().forEach((key, revisions) -> {
			List<Long> onTopic = history.getOrDefault(key, List.of())
				.stream()
				.map(IndexAudit.Expected::revision)
				.toList();
			for (long revision : revisions) {
				if (!onTopic.contains(revision)) {
					problems.add("acknowledged " + key + " revision " + revision + " is not on its topic " + onTopic);
				}
			}
			if (revisions.stream().distinct().count() != revisions.size()) {
				problems.add("two acknowledged writes of " + key + " share a revision: " + revisions);
			}
		});
		history.forEach((key, revisions) -> {
			for (int i = 1; i < revisions.size(); i++) {
				if (revisions.get(i).revision() <= revisions.get(i - 1).revision()) {
					problems.add("revisions of " + key + " do not rise on the topic: " + revisions);
					break;
				}
			}
		});
		for (Observation observation : load.observations()) {
			int status = observation.status();
			boolean fine = (status >= 200 && status < 300) || status == 304
					|| (status == 409 && !observation.method().equals("GET") && !observation.method().equals("POST"))
					|| ((status == 404 || status == 410) && !observation.method().equals("POST"))
					|| ((status == 503 || status == 429) && observation.retryAfter())
					|| (status == -1 && !observation.failure().equals("timeout"));
			if (!fine) {
				problems.add("answer " + observation.line());
			}
		}
	}

	/**
	 * Every import answered 200 stored as many of its items as it reported, all of them
	 * when it reported every line stored.
	 */
	private static void checkImports(StormLoad load, Map<String, List<IndexAudit.Expected>> history,
			List<String> problems) {
		for (StormLoad.ImportAnswer answer : load.imports()) {
			long stored = answer.ids().stream().filter((id) -> history.containsKey("article:" + id + ":en")).count();
			if (stored < answer.accepted()) {
				problems.add("an import reported " + answer.accepted() + " lines stored, yet " + stored + " of "
						+ answer.ids() + " are on the topic");
			}
		}
	}

	/**
	 * Every counter-service replica shows, at fixed instants, exactly the counters of the
	 * events that are live, each with the value counted from its date in its zone; events
	 * withdrawn (either way) show none. Events whose last change never had a sure answer
	 * are left out. The replicas read the topic on their own: each gets a minute to catch
	 * up.
	 */
	private void checkCounters(LocalPlatform platform, StormLoad load, List<String> problems) throws Exception {
		Map<String, StormLoad.EventState> events = load.events();
		for (String replica : platform.replicas("counter-service")) {
			for (String at : List.of(java.time.Instant.now().plus(Duration.ofDays(1)).toString(),
					"2199-01-01T00:00:00Z")) {
				java.time.Instant instant = java.time.Instant.parse(at);
				Map<String, Long> expected = new TreeMap<>();
				events.forEach((id, state) -> {
					if (state.state() == StormLoad.EventState.State.LIVE) {
						expected.put(id, java.time.temporal.ChronoUnit.DAYS.between(state.date(),
								instant.atZone(java.time.ZoneId.of(state.zone())).toLocalDate()));
					}
				});
				Map<String, Long> shown = new TreeMap<>();
				long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
				do {
					shown.clear();
					String body = get(platform.apiUrl(replica) + "/api/v1/counters?locale=en&at=" + at);
					for (var counter : io.chancery.contracts.MessageJson.mapper().readTree(body).path("counters")) {
						String id = counter.path("id").asString();
						StormLoad.EventState state = events.get(id);
						if (state != null && state.state() != StormLoad.EventState.State.UNCERTAIN) {
							shown.put(id, counter.path("value").asLong());
						}
					}
					if (shown.equals(expected)) {
						break;
					}
					Thread.sleep(1000);
				}
				while (System.nanoTime() < deadline);
				if (!shown.equals(expected)) {
					Map<String, Long> missing = new TreeMap<>(expected);
					missing.entrySet().removeAll(shown.entrySet());
					Map<String, Long> extra = new TreeMap<>(shown);
					extra.entrySet().removeAll(expected.entrySet());
					problems.add("counters of " + replica + " at " + at + ": missing or other values " + missing
							+ ", shown but not expected " + extra);
				}
			}
		}
	}

	/**
	 * Each milestone is on its topic at most once, and exactly once for a live event
	 * whose counter reached it within the grace period.
	 */
	private static void checkMilestones(LocalPlatform platform, StormLoad load, String tag, List<String> problems)
			throws InterruptedException {
		Map<String, Integer> announced = new TreeMap<>();
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		List<String> due = load.events()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().state() == StormLoad.EventState.State.LIVE
					&& entry.getValue().milestoneDue())
			.map((entry) -> entry.getKey() + ":days-100")
			.toList();
		do {
			announced = milestones(platform.kafkaBootstrapServers(), tag);
			if (announced.keySet().containsAll(due)) {
				break;
			}
			Thread.sleep(1000);
		}
		while (System.nanoTime() < deadline);
		for (String key : due) {
			if (!announced.containsKey(key)) {
				problems.add("milestone " + key + " never announced");
			}
		}
		announced.forEach((key, times) -> {
			if (times > 1) {
				problems.add("milestone " + key + " announced " + times + " times");
			}
		});
	}

	/** How many times each milestone of the storm's events is on its topic. */
	private static Map<String, Integer> milestones(String bootstrapServers, String tag) {
		Map<String, Integer> counts = new TreeMap<>();
		for (var record : TopicContents.read(bootstrapServers,
				io.chancery.contracts.Topic.COUNTER_MILESTONES.wireName())) {
			if (record.key() != null && record.key().startsWith(tag + "-event-")) {
				counts.merge(record.key(), 1, Integer::sum);
			}
		}
		return counts;
	}

	/**
	 * An item withdrawn for good is visible nowhere: its read answers 410 or 404, and no
	 * search, listing, feed or home page lists it.
	 */
	private void checkGone(LocalPlatform platform, StormLoad load, String tag, List<String> problems) throws Exception {
		String listed = get(platform.gatewayUrl() + "/api/v1/search?tag=" + tag + "&size=100&paging=cursor");
		StringBuilder everything = new StringBuilder(listed);
		String cursor = next(listed);
		while (cursor != null) {
			// A cursor carries the search's parameters: it is sent alone.
			String page = get(platform.gatewayUrl() + "/api/v1/search?cursor="
					+ java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8));
			everything.append(page);
			cursor = next(page);
		}
		String gateway = platform.gatewayUrl();
		StringBuilder listings = new StringBuilder();
		for (int page = 1; page <= 100; page++) {
			String articles = get(gateway + "/api/v1/articles?tag=" + tag + "&size=100&page=" + page);
			listings.append(articles);
			if (!articles.contains("\"" + tag + "-")) {
				break;
			}
		}
		for (int page = 1; page <= 100; page++) {
			String events = get(gateway + "/api/v1/events?size=100&page=" + page);
			listings.append(events);
			if (!events.contains("\"" + tag + "-")) {
				break;
			}
		}
		for (int page = 1; page <= 200; page++) {
			String feed = get(gateway + "/feeds/articles/statement.atom?locale=en&page=" + page);
			listings.append(feed);
			if (!feed.contains("rel=\"next\"")) {
				break;
			}
		}
		listings.append(get(gateway + "/api/v1/home?locale=en"));
		for (String id : load.goneEvents()) {
			HttpResponse<String> read = this.http.send(
					HttpRequest.newBuilder(URI.create(gateway + "/api/v1/events/" + id + "?locale=en")).build(),
					HttpResponse.BodyHandlers.ofString());
			if (read.statusCode() != 410 && read.statusCode() != 404) {
				problems.add("withdrawn for good, yet event " + id + " reads " + read.statusCode());
			}
			if (listed(listings, id)) {
				problems.add("withdrawn for good, yet event " + id + " is listed, in a feed or on the home page");
			}
		}
		for (String id : load.gone()) {
			if (listed(listings, id)) {
				problems.add("withdrawn for good, yet " + id + " is listed, in a feed or on the home page");
			}
			HttpResponse<String> read = this.http.send(
					HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/api/v1/articles/" + id + "?locale=en"))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			if (read.statusCode() != 410 && read.statusCode() != 404) {
				problems.add("withdrawn for good, yet " + id + " reads " + read.statusCode());
			}
			if (everything.indexOf("\"" + id + "\"") >= 0) {
				problems.add("withdrawn for good, yet " + id + " is listed in search");
			}
		}
	}

	/** Whether a JSON answer names the item, or an Atom entry's id does. */
	private static boolean listed(StringBuilder answers, String id) {
		return answers.indexOf("\"" + id + "\"") >= 0 || answers.indexOf(":" + id + ":") >= 0;
	}

	private String get(String url) throws Exception {
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(url + " " + answer.body()).isEqualTo(200);
		return answer.body();
	}

	private static String next(String page) {
		var cursor = io.chancery.contracts.MessageJson.mapper().readTree(page).path("nextCursor");
		return (cursor.isString() && !cursor.asString().isEmpty()) ? cursor.asString() : null;
	}

	/**
	 * The longest time between two 2xx answers to writes (or to searches) while the load
	 * ran: after it was told to stop, the last requests in flight end one by one.
	 */
	/** The longest time between two 2xx answers, and when it began, in load time. */
	private static String longestGap(List<Observation> observations, boolean searches, long stoppedAt) {
		long last = -1;
		long longest = 0;
		long began = 0;
		for (Observation observation : observations.stream()
			.filter((o) -> o.status() >= 200 && o.status() < 300)
			.filter((o) -> searches ? o.path().startsWith("/api/v1/search") : !o.method().equals("GET"))
			.filter((o) -> o.atMillis() + o.tookMillis() <= stoppedAt)
			.sorted(java.util.Comparator.comparingLong((Observation o) -> o.atMillis() + o.tookMillis()))
			.toList()) {
			long at = observation.atMillis() + observation.tookMillis();
			if (last >= 0 && at - last > longest) {
				longest = at - last;
				began = last;
			}
			last = at;
		}
		return String.format(Locale.ROOT, "%d ms (from %.1f s)", longest, began / 1000.0);
	}

}
