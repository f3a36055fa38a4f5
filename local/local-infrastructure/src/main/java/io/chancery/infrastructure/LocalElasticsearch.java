package io.chancery.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Elasticsearch node started from the distribution Maven resolved, listening on
 * loopback, with security off (the local run and tests only; production uses TLS and
 * users). It runs under a guard ({@link GuardedProcess}), so it stops with the JVM that
 * started it, and as an unprivileged user when that JVM is root.
 */
public final class LocalElasticsearch implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalElasticsearch.class);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

	private final GuardedProcess process;

	private final String url;

	private final Path directory;

	private LocalElasticsearch(GuardedProcess process, String url, Path directory) {
		this.process = process;
		this.url = url;
		this.directory = directory;
	}

	/**
	 * Starts a node whose state lives in {@code directory}, and returns once the cluster
	 * is at least yellow.
	 * @param directory holds the node's configuration, data, logs and temporary files;
	 * created if missing
	 * @param port the HTTP port, 0 for a free one
	 * @param heap the node's heap, for example {@code 512m}
	 */
	public static LocalElasticsearch start(Path directory, int port, String heap) {
		long started = System.nanoTime();
		WorkDirectory.createReadable(directory);
		int httpPort = (port != 0) ? Ports.requireFree(port, "Elasticsearch") : Ports.free();
		int transportPort = Ports.free();
		String settings = """
				node.name: chancery-local-1
				discovery.type: single-node
				""";
		GuardedProcess process = launch(directory, httpPort, transportPort, heap, settings);
		String url = "http://127.0.0.1:" + httpPort;
		LocalElasticsearch node = new LocalElasticsearch(process, url, directory);
		node.awaitReady();
		logger.info("Elasticsearch {} (pid {} under guard pid {}, running as {}) ready at {} in {} ms; data in {}",
				ElasticsearchDistribution.version(), node.serverPids(), process.pid(),
				UnprivilegedUser.weAreRoot() ? UnprivilegedUser.name() : System.getProperty("user.name"), url,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), directory);
		return node;
	}

	/**
	 * Starts a node of the distribution with its state in {@code directory}, with the
	 * settings every local node has and {@code nodeSettings} (its name, roles and
	 * discovery).
	 */
	static GuardedProcess launch(Path directory, int httpPort, int transportPort, String heap, String nodeSettings) {
		Path javaHome = Jvm.home();
		Path home = ElasticsearchDistribution.home();
		Path config = prepareConfig(home, directory, httpPort, transportPort, nodeSettings);
		for (String sub : List.of("data", "logs", "tmp")) {
			WorkDirectory.createReadable(directory.resolve(sub));
		}
		UnprivilegedUser.own(directory);

		List<String> elasticsearch = new ArrayList<>(UnprivilegedUser.commandPrefix());
		elasticsearch.add(home.resolve("bin/elasticsearch").toString());
		Map<String, String> environment = Map.of("ES_JAVA_HOME", javaHome.toString(), "ES_PATH_CONF", config.toString(),
				"ES_TMPDIR", directory.resolve("tmp").toString(), "ES_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap,
				"HOME", directory.toString());
		// Relative paths in jvm.options (the GC log, error files) land in the logs
		// directory it owns.
		return GuardedProcess.start("Elasticsearch", elasticsearch, directory.resolve("logs"),
				directory.resolve("logs/console.log"), environment);
	}

	public String url() {
		return this.url;
	}

	/** The guard's pid; the server's processes are its descendants. */
	public long pid() {
		return this.process.pid();
	}

	public Path directory() {
		return this.directory;
	}

	List<Long> serverPids() {
		return this.process.descendantPids();
	}

	private static Path prepareConfig(Path home, Path directory, int httpPort, int transportPort, String nodeSettings) {
		Path config = WorkDirectory.createReadable(directory.resolve("config"));
		try (Stream<Path> files = Files.list(home.resolve("config"))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, config.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
			WorkDirectory.createReadable(config.resolve("jvm.options.d"));
			String settings = """
					cluster.name: chancery-local
					path.data: %s
					path.logs: %s
					network.host: 127.0.0.1
					http.port: %d
					transport.port: %d
					xpack.security.enabled: false
					# Indices, templates and aliases are created by their owners' bootstrap, never by a write.
					action.auto_create_index: false
					# A nearly full disk on a developer machine must not turn indices read-only mid-test.
					cluster.routing.allocation.disk.threshold_enabled: false
					""".formatted(directory.resolve("data"), directory.resolve("logs"), httpPort, transportPort);
			Files.writeString(config.resolve("elasticsearch.yml"), settings + nodeSettings);
			return config;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady() {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest
			.newBuilder(URI.create(this.url + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
			.timeout(Duration.ofSeconds(5))
			.build();
		StartupProbe.Outcome outcome = StartupProbe.await(client, health, (status) -> status == 200,
				this.process::isAlive, READY_TIMEOUT, Duration.ofMillis(250));
		if (outcome == StartupProbe.Outcome.EXITED) {
			throw new IllegalStateException("Elasticsearch exited while starting. Last lines of "
					+ this.directory.resolve("logs/console.log") + ":\n" + consoleTail());
		}
		if (outcome == StartupProbe.Outcome.TIMED_OUT) {
			String tail = consoleTail();
			this.process.close();
			throw new IllegalStateException("Elasticsearch did not become ready within " + READY_TIMEOUT.toSeconds()
					+ " s. Last lines of its console:\n" + tail);
		}
	}

	private String consoleTail() {
		return this.process.logTail(40);
	}

	/** Stops the node gracefully and waits for every process of it to end. */
	@Override
	public void close() {
		this.process.close();
	}

}
