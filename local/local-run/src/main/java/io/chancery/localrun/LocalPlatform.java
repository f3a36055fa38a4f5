package io.chancery.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chancery.infrastructure.GuardedProcess;
import io.chancery.infrastructure.Ports;
import io.chancery.infrastructure.RoundRobinProxy;

/**
 * Starts the platform: Kafka, Elasticsearch and the four services as separate processes,
 * configured by environment as in production. {@link LocalRun} runs it in the foreground
 * on fixed ports and stops all of it on Ctrl-C; the system tests start the same platform
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

	private final Engines engines;

	private String editorKey = "";

	private String adminKey = "";

	private final Map<String, GuardedProcess> services = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, String> serviceEnvironment = new LinkedHashMap<>();

	/**
	 * The API and management ports of each process by its name: a service's own, or, for
	 * the replicas of ingest-service when it runs more than once, ports of their own.
	 */
	private final Map<String, int[]> processPorts = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The names of each service's processes: the service's own, then its other replicas.
	 */
	private final Map<String, List<String>> replicas = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, Path> untrained = new java.util.concurrent.ConcurrentHashMap<>();

	LocalPlatform(Settings settings) {
		this.settings = settings;
		this.engines = new Engines(settings, this.running::add, this.running::remove, this::step);
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

	/**
	 * The API address of one process of a service, past the address its replicas share:
	 * {@code counter-service}, or {@code counter-service-2} for a second replica.
	 */
	public String apiUrl(String process) {
		int[] ports = this.processPorts.get(process);
		if (ports == null) {
			throw new IllegalArgumentException("No process " + process + "; there are " + this.processPorts.keySet());
		}
		return "http://127.0.0.1:" + ports[0];
	}

	public String kafkaBootstrapServers() {
		return this.engines.kafkaBootstrapServers();
	}

	public String elasticsearchUrl() {
		return this.engines.elasticsearchUrl();
	}

	/** Kafka and Elasticsearch, for the faults that act on them. */
	Engines engines() {
		return this.engines;
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

	/** Starts everything and returns once every service is ready. */
	void run() {
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
		PlatformHome.prepare(this.settings, SERVICES, this::step);

		if (this.settings.clustered()) {
			this.engines.startClustered(home);
		}
		else {
			this.engines.startSingle(home, ports);
		}

		this.editorKey = PlatformHome.key(home, "editor");
		this.adminKey = PlatformHome.key(home, "admin");
		Map<String, String> environment = ServiceEnvironment.of(this.settings, this.engines.kafkaBootstrapServers(),
				this.engines.elasticsearchUris(), this.editorKey, this.adminKey);
		// Preview links are signed with a key kept with the state, so a link still opens
		// its item after a restart.
		environment.put("CHANCERY_PREVIEWS_SECRET", PlatformHome.key(home, "previews"));
		this.serviceEnvironment.putAll(environment);
		Map<String, GuardedProcess> processes = new LinkedHashMap<>();
		for (String service : SERVICES) {
			this.processPorts.put(service, new int[] { ports.api(service), ports.management(service) });
		}
		for (String service : SERVICES) {
			int replicas = this.settings.replicasOf(service);
			List<String> names = new ArrayList<>();
			for (int replica = 1; replica <= replicas; replica++) {
				String name = (replica == 1) ? service : service + "-" + replica;
				names.add(name);
				if (replicas > 1) {
					this.processPorts.put(name,
							new int[] { Ports.free(), (replica == 1) ? ports.management(service) : Ports.free() });
				}
			}
			this.replicas.put(service, List.copyOf(names));
			if (replicas > 1) {
				List<Integer> replicaPorts = names.stream().map((name) -> this.processPorts.get(name)[0]).toList();
				this.running.add(RoundRobinProxy.start(ports.api(service), replicaPorts));
				step(replicas + " replicas of " + service + " behind 127.0.0.1:" + ports.api(service) + " (ports "
						+ replicaPorts + "), connections spread as a Kubernetes Service spreads them");
			}
		}
		for (String service : SERVICES) {
			this.replicas.get(service).forEach((name) -> processes.put(name, startService(name, environment)));
		}
		for (Map.Entry<String, GuardedProcess> service : processes.entrySet()) {
			String name = service.getKey();
			ServiceReadiness.awaitReady(name, service.getValue(), this.processPorts.get(name)[1], home,
					this.settings.readyTimeout());
			step(name + " ready on http://127.0.0.1:" + this.processPorts.get(name)[0]);
			if (name.equals(last(this.replicas.get("search-service")))) {
				ServiceReadiness.awaitIndexing(this.engines.kafkaBootstrapServers(), this::step);
			}
		}
		Map<String, Path> untrained = new LinkedHashMap<>(this.untrained);
		this.untrained.clear();
		aotCache().trainInBackground(untrained, this.settings, AotCache.awayFromThePlatform(this.serviceEnvironment),
				this::step);
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
		return AotCache.trainAll(settings, SERVICES);
	}

	/** JDK 25 writes AOT caches from a training run (JEP 514); older JDKs cannot. */
	public static boolean aotCachesSupported() {
		return Runtime.version().feature() >= 25;
	}

	/** The options every service's JVM starts with. */
	public static List<String> serviceJvmOptions() {
		return ServiceJvm.OPTIONS;
	}

	private AotCache aotCache() {
		return new AotCache(this.settings.home().resolve("aot"), ServiceJvm.OPTIONS);
	}

	/** A process of a service, by its name. */
	GuardedProcess process(String name) {
		return this.services.get(name);
	}

	/** Stops tracking a process that was stopped from outside. */
	void forget(AutoCloseable process) {
		this.running.remove(process);
	}

	/** Starts a service again, as configured at first, and waits until it is ready. */
	void startAgain(String service) {
		GuardedProcess process = startService(service, this.serviceEnvironment);
		ServiceReadiness.awaitReady(service, process, this.processPorts.get(service)[1], this.settings.home(),
				this.settings.readyTimeout());
		step(service + " ready again on http://127.0.0.1:" + this.processPorts.get(service)[0]);
	}

	private GuardedProcess startService(String name, Map<String, String> environment) {
		Path home = this.settings.home();
		// A replica of a service runs the service's jar, from the service's AOT cache.
		String service = name.replaceFirst("-\\d+$", "");
		Path jar = ServiceJvm.jar(this.settings, service);
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
		Optional<AotCache.Launch> cached = this.settings.aotCache() ? aotCache().launch(service, jar)
				: Optional.empty();
		if (cached.isEmpty() && this.settings.aotCache()) {
			this.untrained.put(service, jar);
		}
		List<String> command = ServiceJvm.command(name, this.settings.jvmOptions(service), jar, cached);
		GuardedProcess process = GuardedProcess.start(name, command, logs, logs.resolve(name + ".log"),
				serviceEnvironment);
		this.running.add(process);
		this.services.put(name, process);
		return process;
	}

	/** The faults a drill applies to this platform: kills, restarts, engines down. */
	public Faults faults() {
		return new Faults(this);
	}

	/**
	 * The names of ingest-service's processes: {@code ingest-service}, then
	 * {@code ingest-service-2} and on when it runs more than once. Each can be killed and
	 * restarted by its name.
	 */
	public List<String> ingestReplicas() {
		return replicas("ingest-service");
	}

	/**
	 * The names of a service's processes: the service's name, then {@code <service>-2}
	 * and on when it runs more than once ({@link Settings#withReplicas}).
	 */
	public List<String> replicas(String service) {
		return this.replicas.getOrDefault(service, List.of());
	}

	private static String last(List<String> names) {
		return names.get(names.size() - 1);
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

	void step(String message) {
		double seconds = (System.nanoTime() - this.started) / 1e9;
		this.settings.progress().accept(String.format("[%6.1f s] %s", seconds, message));
	}

}
