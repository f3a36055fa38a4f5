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
import java.util.concurrent.CountDownLatch;

import io.chancery.infrastructure.GuardedProcess;
import io.chancery.infrastructure.LocalElasticsearch;
import io.chancery.infrastructure.LocalKafka;
import io.chancery.infrastructure.Ports;
import io.chancery.infrastructure.TopicProvisioner;

/**
 * Starts the platform in the foreground and stops all of it on Ctrl-C. State lives in one
 * directory ({@code CHANCERY_HOME}, default {@code .chancery/} in the project) and
 * survives restarts; {@code fresh} empties it first. Arguments: the project directory,
 * the project version, {@code true} for a fresh start.
 */
public final class LocalPlatform {

	private static final int KAFKA_PORT = 9092;

	private static final int ELASTICSEARCH_PORT = 9200;

	private static final Duration SERVICE_READY_TIMEOUT = Duration.ofSeconds(120);

	private final long started = System.nanoTime();

	private final List<AutoCloseable> running = new ArrayList<>();

	private LocalPlatform() {
	}

	public static void main(String[] args) throws Exception {
		Path project = Path.of(args[0]).toAbsolutePath();
		String version = args[1];
		boolean fresh = args.length > 2 && Boolean.parseBoolean(args[2]);
		LocalPlatform platform = new LocalPlatform();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			platform.stop();
			stopped.countDown();
		}, "stop-platform"));
		try {
			platform.start(project, version, fresh);
		}
		catch (RuntimeException ex) {
			System.err.println();
			System.err.println("The platform did not start: " + ex.getMessage());
			System.exit(1);
		}
		stopped.await();
	}

	private void start(Path project, String version, boolean fresh) throws IOException {
		Path home = home(project);
		if (fresh) {
			step("Deleting " + home + " (fresh start)");
			deleteRecursively(home);
		}
		Files.createDirectories(home);
		checkResources(home);
		requireReachableByElasticsearch(home);
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("web-gateway", 8080);
		ports.put("ingest-service", 8081);
		ports.put("search-service", 8082);
		ports.put("counter-service", 8083);
		ports.forEach((service, port) -> Ports.requireFree(port, service));

		step("Starting Kafka on 127.0.0.1:" + KAFKA_PORT + " and Elasticsearch on 127.0.0.1:" + ELASTICSEARCH_PORT);
		LocalKafka kafka = LocalKafka.start(home.resolve("kafka"), KAFKA_PORT, "512m");
		this.running.add(kafka);
		step("Kafka ready at " + kafka.bootstrapServers());
		List<String> created = TopicProvisioner.provision(kafka.bootstrapServers());
		step(created.isEmpty() ? "Topics already provisioned" : "Topics created: " + String.join(", ", created));
		LocalElasticsearch elasticsearch = LocalElasticsearch.start(home.resolve("elasticsearch"), ELASTICSEARCH_PORT,
				"512m");
		this.running.add(elasticsearch);
		step("Elasticsearch ready at " + elasticsearch.url());

		String editorKey = editorKey(home);
		Map<String, String> environment = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
				"ELASTICSEARCH_URIS", elasticsearch.url(), "INGEST_SERVICE_URI", "http://127.0.0.1:8081",
				"SEARCH_SERVICE_URI", "http://127.0.0.1:8082", "COUNTER_SERVICE_URI", "http://127.0.0.1:8083",
				"CHANCERY_SECURITY_API_KEYS_0_NAME", "local-editor", "CHANCERY_SECURITY_API_KEYS_0_ROLE", "editor",
				"CHANCERY_SECURITY_API_KEYS_0_SHA256", sha256(editorKey));
		Map<String, GuardedProcess> services = new LinkedHashMap<>();
		for (Map.Entry<String, Integer> service : ports.entrySet()) {
			services.put(service.getKey(),
					startService(project, home, version, service.getKey(), service.getValue(), environment));
		}
		for (Map.Entry<String, GuardedProcess> service : services.entrySet()) {
			awaitReady(service.getKey(), ports.get(service.getKey()), service.getValue(), home);
			step(service.getKey() + " ready on http://127.0.0.1:" + ports.get(service.getKey()));
		}
		System.out.println();
		System.out.println("Chancery is running. Ctrl-C stops everything it started.");
		System.out.println("  Gateway:        http://127.0.0.1:8080");
		System.out.println("  Kafka:          " + kafka.bootstrapServers());
		System.out.println("  Elasticsearch:  " + elasticsearch.url());
		System.out.println("  State and logs: " + home);
		System.out.println(
				"  Editor API key: " + editorKey + "   (header X-Api-Key; kept in " + home.resolve("editor.key") + ")");
	}

	private GuardedProcess startService(Path project, Path home, String version, String name, int port,
			Map<String, String> environment) {
		Path jar = project.resolve(name).resolve("target").resolve(name + "-" + version + ".jar");
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
		serviceEnvironment.put("PORT", Integer.toString(port));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = List.of(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k",
				"-XX:ReservedCodeCacheSize=64m", "-jar", jar.toString());
		GuardedProcess process = GuardedProcess.start(name, command, logs, logs.resolve(name + ".log"),
				serviceEnvironment);
		this.running.add(process);
		return process;
	}

	private void awaitReady(String name, int port, GuardedProcess process, Path home) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		long deadline = System.nanoTime() + SERVICE_READY_TIMEOUT.toNanos();
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
		throw new IllegalStateException(name + " was not ready within " + SERVICE_READY_TIMEOUT.toSeconds()
				+ " s. Last lines of its log:\n" + process.logTail(30));
	}

	private void stop() {
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
	 * The local editor's API key: made once, kept with the state, so a second run keeps
	 * working with it.
	 */
	private static String editorKey(Path home) throws IOException {
		Path file = home.resolve("editor.key");
		if (Files.isRegularFile(file)) {
			return Files.readString(file).strip();
		}
		byte[] random = new byte[24];
		new java.security.SecureRandom().nextBytes(random);
		String key = "chancery-local-" + java.util.HexFormat.of().formatHex(random);
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
		System.out.printf("[%6.1f s] %s%n", seconds, message);
		System.out.flush();
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
