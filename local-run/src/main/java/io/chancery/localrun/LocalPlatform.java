package io.chancery.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chancery.contracts.Topic;
import io.chancery.infrastructure.GuardedProcess;
import io.chancery.infrastructure.LocalElasticsearch;
import io.chancery.infrastructure.LocalKafka;
import io.chancery.infrastructure.Ports;
import io.chancery.infrastructure.RoundRobinProxy;
import io.chancery.infrastructure.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * Starts the platform: Kafka, Elasticsearch and the four services as separate processes,
 * configured by environment as in production. {@link #main} runs it in the foreground on
 * fixed ports and stops all of it on Ctrl-C; the system tests start the same platform
 * through {@link #start(Settings)} on free ports. State lives in one directory
 * ({@code CHANCERY_HOME}, default {@code .chancery/} in the project) and survives
 * restarts; {@code fresh} empties it first.
 */
public final class LocalPlatform implements AutoCloseable {

	private final long started = System.nanoTime();

	private final List<AutoCloseable> running = new ArrayList<>();

	/** The services, in the order they are started. */
	private static final List<String> SERVICES = List.of("web-gateway", "ingest-service", "search-service",
			"counter-service");

	private final Settings settings;

	private String kafkaBootstrapServers = "";

	private String elasticsearchUrl = "";

	private String editorKey = "";

	private String adminKey = "";

	private final Map<String, GuardedProcess> services = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();

	/**
	 * The API and management ports of each process by its name: a service's own, or, for
	 * the replicas of ingest-service when it runs more than once, ports of their own.
	 */
	private final Map<String, int[]> processPorts = new java.util.concurrent.ConcurrentHashMap<>();

	private final List<String> ingestReplicas = new ArrayList<>();

	/**
	 * Small heaps and serial GC: four services share a developer's machine. Their live
	 * sets are 35 to 50 MB (docs/performance.md); the heap may grow to about three times
	 * that under load, where Native Memory Tracking showed it at its maximum as the
	 * largest part of each service's resident memory, and is given back after it (the
	 * free ratios), and the JIT's scratch memory is returned to the system every two
	 * seconds (JDK 22 and later), so resident memory follows the need rather than the
	 * maximum.
	 */
	private static final List<String> JVM_OPTIONS = jvmOptions();

	private final Map<String, Path> untrained = new java.util.concurrent.ConcurrentHashMap<>();

	private LocalKafka kafka;

	private LocalElasticsearch elasticsearch;

	private LocalPlatform(Settings settings) {
		this.settings = settings;
	}

	/**
	 * Arguments: the project directory, the project version, {@code true} for a fresh
	 * start.
	 */
	public static void main(String[] args) throws Exception {
		Path project = Path.of(args[0]).toAbsolutePath();
		String version = args[1];
		boolean fresh = args.length > 2 && Boolean.parseBoolean(args[2]);
		Settings settings = Settings.local(project, version, home(project), fresh)
			.withIngestReplicas(Integer.getInteger("chancery.ingest.replicas", 1));
		DemoContent demoContent = DemoContent.prepare(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		LocalPlatform platform = new LocalPlatform(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			platform.close();
			stopped.countDown();
		}, "stop-platform"));
		try {
			platform.run();
			demoContent.importIfDue(settings.ports().ingest(), platform.editorKey(), platform::step);
		}
		catch (RuntimeException ex) {
			System.err.println();
			System.err.println("The platform did not start: " + ex.getMessage());
			System.exit(1);
		}
		Settings.Ports ports = settings.ports();
		System.out.println();
		System.out.println("Chancery is running. Ctrl-C stops everything it started.");
		System.out.println("  Website:        http://127.0.0.1:" + ports.gateway() + "/");
		System.out.println("  API docs:       http://127.0.0.1:" + ports.gateway() + "/swagger-ui.html");
		System.out.println("  Kafka:          " + platform.kafkaBootstrapServers());
		System.out.println("  Elasticsearch:  " + platform.elasticsearchUrl());
		System.out.println("  State and logs: " + settings.home());
		System.out.println("  Editor API key: " + platform.editorKey() + "   (header X-Api-Key; kept in "
				+ settings.home().resolve("editor.key") + ")");
		System.out.println("  Admin API key:  " + platform.adminKey() + "   (reindex, dead letters; kept in "
				+ settings.home().resolve("admin.key") + ")");
		stopped.await();
	}

	/**
	 * Starts the platform and returns once every service is ready; closing it stops
	 * everything it started.
	 */
	public static LocalPlatform start(Settings settings) {
		LocalPlatform platform = new LocalPlatform(settings);
		try {
			platform.run();
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	public String gatewayUrl() {
		return "http://127.0.0.1:" + this.settings.ports().gateway();
	}

	/**
	 * The management (actuator) address of one process of a service: {@code web-gateway},
	 * or {@code ingest-service-2} for a second replica.
	 */
	public String managementUrl(String process) {
		int[] ports = this.processPorts.get(process);
		if (ports == null) {
			throw new IllegalArgumentException("No process " + process + "; there are " + this.processPorts.keySet());
		}
		return "http://127.0.0.1:" + ports[1];
	}

	public String kafkaBootstrapServers() {
		return this.kafkaBootstrapServers;
	}

	public String elasticsearchUrl() {
		return this.elasticsearchUrl;
	}

	/** An editor's API key, kept with the state. */
	public String editorKey() {
		return this.editorKey;
	}

	/** An admin's API key, kept with the state. */
	public String adminKey() {
		return this.adminKey;
	}

	public Settings settings() {
		return this.settings;
	}

	private void run() {
		try {
			startAll();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private void startAll() throws IOException {
		Path home = this.settings.home();
		Settings.Ports ports = this.settings.ports();
		if (this.settings.fresh()) {
			step("Deleting the state in " + home + " (fresh start; AOT caches are kept)");
			deleteStateIn(home);
		}
		Files.createDirectories(home);
		checkResources(home);
		requireReachableByElasticsearch(home);
		for (String service : SERVICES) {
			Ports.requireFree(ports.api(service), service);
			Ports.requireFree(ports.management(service), service + " (management)");
		}

		step("Starting Kafka on 127.0.0.1:" + ports.kafka() + " and Elasticsearch on 127.0.0.1:"
				+ ports.elasticsearch());
		// Side by side: Elasticsearch's start no longer waits for Kafka's. The services
		// still wait for Elasticsearch: its start and Kafka's keep two cores busy (42
		// CPU-seconds in 24 s, docs/performance.md), so started beside them they only
		// starve them.
		CompletableFuture<LocalElasticsearch> elasticsearchStart = CompletableFuture.supplyAsync(
				() -> LocalElasticsearch.start(home.resolve("elasticsearch"), ports.elasticsearch(), "512m"),
				(task) -> Thread.ofPlatform().daemon().name("elasticsearch-start").start(task));
		try {
			LocalKafka kafka = LocalKafka.start(home.resolve("kafka"), ports.kafka(), "512m");
			this.running.add(kafka);
			this.kafka = kafka;
			this.kafkaBootstrapServers = kafka.bootstrapServers();
			step("Kafka ready at " + kafka.bootstrapServers());
			List<String> created = TopicProvisioner.provision(kafka.bootstrapServers());
			step(created.isEmpty() ? "Topics already provisioned" : "Topics created: " + String.join(", ", created));
		}
		catch (RuntimeException ex) {
			// Elasticsearch, once started, must stop with the rest.
			try {
				awaitElasticsearch(elasticsearchStart);
			}
			catch (RuntimeException also) {
				ex.addSuppressed(also);
			}
			throw ex;
		}
		LocalElasticsearch elasticsearch = awaitElasticsearch(elasticsearchStart);
		step("Elasticsearch ready at " + elasticsearch.url());

		this.editorKey = key(home, "editor");
		this.adminKey = key(home, "admin");
		Map<String, String> environment = new LinkedHashMap<>();
		// glibc's per-thread arenas otherwise hold tens of MB in services with many
		// threads.
		environment.put("MALLOC_ARENA_MAX", "2");
		environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
		environment.put("ELASTICSEARCH_URIS", "http://127.0.0.1:" + ports.elasticsearch());
		environment.put("INGEST_SERVICE_URI", "http://127.0.0.1:" + ports.ingest());
		environment.put("SEARCH_SERVICE_URI", "http://127.0.0.1:" + ports.search());
		environment.put("COUNTER_SERVICE_URI", "http://127.0.0.1:" + ports.counter());
		// Loopback only, as the README says, unless CHANCERY_BIND_ADDRESS names another
		// address (0.0.0.0 for the LAN).
		environment.put("SERVER_ADDRESS", bindAddress());
		environment.put("MANAGEMENT_SERVER_ADDRESS", bindAddress());
		// Absolute links in answers (feeds) point at the gateway, never at a service.
		environment.put("CHANCERY_PUBLIC_URL", "http://127.0.0.1:" + ports.gateway());
		environment.put("CHANCERY_SECURITY_API_KEYS_0_NAME", "local-editor");
		environment.put("CHANCERY_SECURITY_API_KEYS_0_ROLE", "editor");
		environment.put("CHANCERY_SECURITY_API_KEYS_0_SHA256", sha256(this.editorKey));
		environment.put("CHANCERY_SECURITY_API_KEYS_1_NAME", "local-admin");
		environment.put("CHANCERY_SECURITY_API_KEYS_1_ROLE", "admin");
		environment.put("CHANCERY_SECURITY_API_KEYS_1_SHA256", sha256(this.adminKey));
		environment.putAll(this.settings.environment());
		this.serviceEnvironment.putAll(environment);
		Map<String, GuardedProcess> processes = new LinkedHashMap<>();
		for (String service : SERVICES) {
			this.processPorts.put(service, new int[] { ports.api(service), ports.management(service) });
		}
		int replicas = this.settings.ingestReplicas();
		for (int replica = 1; replica <= replicas; replica++) {
			String name = (replica == 1) ? "ingest-service" : "ingest-service-" + replica;
			this.ingestReplicas.add(name);
			if (replicas > 1) {
				this.processPorts.put(name,
						new int[] { Ports.free(), (replica == 1) ? ports.ingestManagement() : Ports.free() });
			}
		}
		if (replicas > 1) {
			List<Integer> replicaPorts = this.ingestReplicas.stream()
				.map((name) -> this.processPorts.get(name)[0])
				.toList();
			this.running.add(RoundRobinProxy.start(ports.ingest(), replicaPorts));
			step(replicas + " replicas of ingest-service behind 127.0.0.1:" + ports.ingest() + " (ports " + replicaPorts
					+ "), connections spread as a Kubernetes Service spreads them");
		}
		for (String service : SERVICES) {
			if (service.equals("ingest-service")) {
				this.ingestReplicas.forEach((name) -> processes.put(name, startService(name, environment)));
			}
			else {
				processes.put(service, startService(service, environment));
			}
		}
		for (Map.Entry<String, GuardedProcess> service : processes.entrySet()) {
			String name = service.getKey();
			awaitReady(name, service.getValue(), home);
			step(name + " ready on http://127.0.0.1:" + this.processPorts.get(name)[0]);
			if (name.equals("search-service")) {
				awaitIndexing(this.kafkaBootstrapServers);
			}
		}
		trainInBackground();
	}

	private LocalElasticsearch awaitElasticsearch(CompletableFuture<LocalElasticsearch> start) {
		try {
			LocalElasticsearch elasticsearch = start.join();
			this.running.add(elasticsearch);
			this.elasticsearch = elasticsearch;
			this.elasticsearchUrl = elasticsearch.url();
			return elasticsearch;
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * The address the services listen on: loopback unless {@code CHANCERY_BIND_ADDRESS}
	 * says otherwise.
	 */
	private static String bindAddress() {
		String address = System.getenv("CHANCERY_BIND_ADDRESS");
		return (address != null && !address.isBlank()) ? address.strip() : "127.0.0.1";
	}

	/**
	 * Makes the AOT caches this build of the services lacks, one service after another,
	 * before a start rather than after it: the benchmark measures the start the local run
	 * makes once its caches exist. The training stops as soon as the application context
	 * is refreshed, before a service connects to anything, so it needs no Kafka or
	 * Elasticsearch: they are given as addresses where nothing listens.
	 * @return what went wrong, by service; empty when every service has its cache
	 */
	public static Map<String, String> trainAotCaches(Settings settings) {
		return trainAotCaches(settings, SERVICES);
	}

	static Map<String, String> trainAotCaches(Settings settings, List<String> services) {
		if (!aotCachesSupported()) {
			Map<String, String> failures = new LinkedHashMap<>();
			services.forEach((service) -> failures.put(service, "AOT caches need JDK 25 or later"));
			return failures;
		}
		AotCache caches = new AotCache(settings.home().resolve("aot"), JVM_OPTIONS);
		Map<String, String> base = new LinkedHashMap<>();
		base.put("MALLOC_ARENA_MAX", "2");
		base.putAll(settings.environment());
		Map<String, String> environment = awayFromThePlatform(base);
		Map<String, String> failures = new LinkedHashMap<>();
		for (String service : services) {
			Path jar = jar(settings, service);
			if (caches.launch(service, jar).isEmpty()) {
				caches.train(service, jar, settings.jvmOptions(service), environment, java())
					.ifPresent((failed) -> failures.put(service, failed));
			}
		}
		return failures;
	}

	/** JDK 25 writes AOT caches from a training run (JEP 514); older JDKs cannot. */
	public static boolean aotCachesSupported() {
		return Runtime.version().feature() >= 25;
	}

	private static Path jar(Settings settings, String service) {
		return settings.project()
			.resolve(service)
			.resolve("target")
			.resolve(service + "-" + settings.version() + ".jar");
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The options every service's JVM starts with. */
	public static List<String> serviceJvmOptions() {
		return JVM_OPTIONS;
	}

	private static List<String> jvmOptions() {
		List<String> options = new ArrayList<>(
				List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
						"-XX:MaxMetaspaceSize=160m", "-Xss512k", "-XX:ReservedCodeCacheSize=64m"));
		if (Runtime.version().feature() >= 22) {
			options.add("-XX:TrimNativeHeapInterval=2000");
		}
		return List.copyOf(options);
	}

	private AotCache aotCache() {
		return new AotCache(this.settings.home().resolve("aot"), JVM_OPTIONS);
	}

	/**
	 * Makes the AOT caches the services started without, one after another in the
	 * background, for the next start.
	 */
	private void trainInBackground() {
		if (this.untrained.isEmpty()) {
			return;
		}
		Map<String, Path> jars = new LinkedHashMap<>(this.untrained);
		this.untrained.clear();
		Thread.ofPlatform().daemon().name("aot-training").start(() -> {
			for (Map.Entry<String, Path> service : jars.entrySet()) {
				long started = System.nanoTime();
				Optional<String> failed = aotCache().train(service.getKey(), service.getValue(),
						this.settings.jvmOptions(service.getKey()), awayFromThePlatform(this.serviceEnvironment),
						java());
				step(failed.map((reason) -> "No AOT cache for " + service.getKey() + ": " + reason)
					.orElse("AOT cache for " + service.getKey() + " made in "
							+ Duration.ofNanos(System.nanoTime() - started).toSeconds()
							+ " s; the next start uses it"));
			}
		});
	}

	/**
	 * The environment of a training run: the services' own, but with Kafka, Elasticsearch
	 * and the other services at an address where nothing listens. A training run that
	 * reached the running Kafka would join search-service's consumer group and
	 * ingest-service's group of writers, take partitions from the running services and
	 * leave them waiting for it when it exits.
	 */
	private static Map<String, String> awayFromThePlatform(Map<String, String> environment) {
		String nowhere = "127.0.0.1:" + Ports.free();
		Map<String, String> training = new LinkedHashMap<>(environment);
		training.put("KAFKA_BOOTSTRAP_SERVERS", nowhere);
		training.put("ELASTICSEARCH_URIS", "http://" + nowhere);
		training.put("INGEST_SERVICE_URI", "http://" + nowhere);
		training.put("SEARCH_SERVICE_URI", "http://" + nowhere);
		training.put("COUNTER_SERVICE_URI", "http://" + nowhere);
		return training;
	}

	/**
	 * Waits until search-service's consumers hold every partition of the content topics.
	 * The service is ready before that (it answers reads), but a publication is indexed
	 * only once its partition has a consumer: "ready" here means searchable at once.
	 */
	private void awaitIndexing(String bootstrapServers) {
		long started = System.nanoTime();
		Set<TopicPartition> content = new HashSet<>();
		for (Topic topic : List.of(Topic.ARTICLES, Topic.EVENTS)) {
			for (int partition = 0; partition < topic.partitions(); partition++) {
				content.add(new TopicPartition(topic.wireName(), partition));
			}
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			long deadline = started + Duration.ofSeconds(120).toNanos();
			while (true) {
				ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("search-service"))
					.describedGroups()
					.get("search-service")
					.get(10, TimeUnit.SECONDS);
				Set<TopicPartition> held = new HashSet<>();
				group.members().forEach((member) -> held.addAll(member.assignment().topicPartitions()));
				if (group.groupState() == GroupState.STABLE && held.containsAll(content)) {
					step("search-service indexing: its consumers hold every partition of articles and events, "
							+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms after it was ready");
					return;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("search-service's consumers hold " + held + " of " + content
							+ " after 120 s (group " + group.groupState() + ")");
				}
				Thread.sleep(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not describe search-service's consumer group", ex);
		}
	}

	private GuardedProcess startService(String name, Map<String, String> environment) {
		Path home = this.settings.home();
		// A replica of a service runs the service's jar, from the service's AOT cache.
		String service = name.replaceFirst("-\\d+$", "");
		Path jar = jar(this.settings, service);
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build first (./mvnw -Prun package builds it).");
		}
		Path logs = home.resolve("logs");
		try {
			Files.createDirectories(logs);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, String> serviceEnvironment = new LinkedHashMap<>(environment);
		serviceEnvironment.put("PORT", Integer.toString(this.processPorts.get(name)[0]));
		serviceEnvironment.put("MANAGEMENT_PORT", Integer.toString(this.processPorts.get(name)[1]));
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(JVM_OPTIONS);
		command.addAll(this.settings.jvmOptions(service));
		// Names the process for ps and for the benchmark, which tells replicas apart by
		// it.
		command.add("-Dchancery.process=" + name);
		Optional<AotCache.Launch> cached = this.settings.aotCache() ? aotCache().launch(service, jar)
				: Optional.empty();
		if (cached.isPresent()) {
			command.addAll(List.of("-XX:AOTCache=" + cached.get().cache(), "-jar", cached.get().jar().toString()));
		}
		else {
			command.addAll(List.of("-jar", jar.toString()));
			if (this.settings.aotCache()) {
				this.untrained.put(service, jar);
			}
		}
		GuardedProcess process = GuardedProcess.start(name, command, logs, logs.resolve(name + ".log"),
				serviceEnvironment);
		this.running.add(process);
		this.services.put(name, process);
		return process;
	}

	/** Waits until a service's readiness group, on its management port, is up. */
	private void awaitReady(String name, GuardedProcess process, Path home) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.processPorts.get(name)[1] + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + this.settings.readyTimeout().toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited while starting. Last lines of "
						+ home.resolve("logs/" + name + ".log") + ":\n" + process.logTail(30));
			}
			try {
				if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(250);
		}
		throw new IllegalStateException(name + " was not ready within " + this.settings.readyTimeout().toSeconds()
				+ " s. Last lines of its log:\n" + process.logTail(30));
	}

	/**
	 * Kills a service's JVM with SIGKILL, as a crash or an OOM killer would: no shutdown
	 * hooks, no graceful stop. For fault drills.
	 */
	public void kill(String service) {
		GuardedProcess process = this.services.get(service);
		for (long pid : process.descendantPids()) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (process.isAlive() && System.nanoTime() < deadline) {
			sleep(50);
		}
		process.close();
		this.running.remove(process);
		step(service + " killed");
	}

	/** Starts a service again, as configured at first, and waits until it is ready. */
	public void restart(String service) {
		GuardedProcess old = this.services.get(service);
		if (old.isAlive()) {
			old.close();
			this.running.remove(old);
		}
		GuardedProcess process = startService(service, this.serviceEnvironment);
		awaitReady(service, process, this.settings.home());
		step(service + " ready again on http://127.0.0.1:" + this.processPorts.get(service)[0]);
	}

	/** Stops Elasticsearch gracefully, keeping its data. For fault drills. */
	public void stopElasticsearch() {
		this.elasticsearch.close();
		this.running.remove(this.elasticsearch);
		step("Elasticsearch stopped");
	}

	/** Starts Elasticsearch again on its port with its data. */
	public void startElasticsearch() {
		this.elasticsearch = LocalElasticsearch.start(this.settings.home().resolve("elasticsearch"),
				this.settings.ports().elasticsearch(), "512m");
		this.running.add(this.elasticsearch);
		step("Elasticsearch ready again");
	}

	/** Stops the Kafka broker gracefully and starts it again with its data. */
	public void restartKafka(Duration down) {
		this.kafka.close();
		this.running.remove(this.kafka);
		step("Kafka stopped");
		sleep(down.toMillis());
		this.kafka = LocalKafka.start(this.settings.home().resolve("kafka"), this.settings.ports().kafka(), "512m");
		this.running.add(this.kafka);
		step("Kafka ready again");
	}

	/**
	 * The names of ingest-service's processes: {@code ingest-service}, then
	 * {@code ingest-service-2} and on when it runs more than once. Each can be killed and
	 * restarted by its name.
	 */
	public List<String> ingestReplicas() {
		return List.copyOf(this.ingestReplicas);
	}

	/** Where a service writes its log. */
	public Path log(String service) {
		return this.settings.home().resolve("logs").resolve(service + ".log");
	}

	/** Stops everything this platform started, newest first. */
	@Override
	public void close() {
		List<AutoCloseable> reversed = new ArrayList<>(this.running);
		java.util.Collections.reverse(reversed);
		if (!reversed.isEmpty()) {
			step("Stopping " + reversed.size() + " processes");
		}
		for (AutoCloseable process : reversed) {
			try {
				process.close();
			}
			catch (Exception ex) {
				System.err.println("Could not stop " + process + ": " + ex.getMessage());
			}
		}
		this.running.clear();
	}

	/**
	 * A local API key for a role: made once, kept with the state, so a second run keeps
	 * working with it.
	 */
	private static String key(Path home, String role) throws IOException {
		Path file = home.resolve(role + ".key");
		if (Files.isRegularFile(file)) {
			return Files.readString(file).strip();
		}
		byte[] random = new byte[24];
		new java.security.SecureRandom().nextBytes(random);
		String key = "chancery-local-" + role + "-" + java.util.HexFormat.of().formatHex(random);
		Files.writeString(file, key);
		Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		return key;
	}

	private static String sha256(String value) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path home(Path project) {
		String configured = System.getenv("CHANCERY_HOME");
		return (configured != null && !configured.isBlank()) ? Path.of(configured).toAbsolutePath()
				: project.resolve(".chancery");
	}

	private static void checkResources(Path home) throws IOException {
		long freeDisk = Files.getFileStore(home).getUsableSpace();
		if (freeDisk < 2L * 1024 * 1024 * 1024) {
			throw new IllegalStateException("Only " + (freeDisk >> 20) + " MB free on the disk of " + home
					+ "; the local run needs 2 GB. Free some space or set CHANCERY_HOME to another disk.");
		}
		Path meminfo = Path.of("/proc/meminfo");
		if (Files.isReadable(meminfo)) {
			for (String line : Files.readAllLines(meminfo)) {
				if (line.startsWith("MemAvailable:")) {
					long availableKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
					if (availableKb < 3L * 1024 * 1024) {
						throw new IllegalStateException("Only " + (availableKb >> 10)
								+ " MB of memory available; the local run needs about 3 GB.");
					}
				}
			}
		}
	}

	/**
	 * As root, Elasticsearch runs as an unprivileged user, who must be able to enter
	 * every directory above its own; a project under /root is not.
	 */
	private static void requireReachableByElasticsearch(Path home) throws IOException {
		if (!"root".equals(System.getProperty("user.name"))) {
			return;
		}
		for (Path directory = home; directory != null; directory = directory.getParent()) {
			if (!Files.getPosixFilePermissions(directory).contains(PosixFilePermission.OTHERS_EXECUTE)) {
				throw new IllegalStateException(directory + " cannot be entered by the unprivileged user that runs "
						+ "Elasticsearch when you are root. Set CHANCERY_HOME to a directory under /var/tmp or /srv, "
						+ "or run as an ordinary user.");
			}
		}
	}

	private void step(String message) {
		double seconds = (System.nanoTime() - this.started) / 1e9;
		this.settings.progress().accept(String.format("[%6.1f s] %s", seconds, message));
	}

	/**
	 * Everything in the home but the AOT caches, which belong to builds of the services
	 * rather than to the state, and are worth most on a fresh start.
	 */
	static void deleteStateIn(Path home) throws IOException {
		if (!Files.isDirectory(home)) {
			return;
		}
		try (var entries = Files.list(home)) {
			for (Path entry : entries.filter((each) -> !each.getFileName().toString().equals("aot")).toList()) {
				deleteRecursively(entry);
			}
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (var paths = Files.walk(path)) {
			for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
