package io.chancery.benchmarks.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.chancery.localrun.LocalPlatform;
import org.jspecify.annotations.Nullable;
import io.chancery.localrun.Settings;

/**
 * The platform exactly as the local run starts it (Kafka, Elasticsearch with the analysis
 * plugin, the four services as separate JVMs), on free ports with fresh state in a
 * temporary directory, and how long it took to become ready from nothing.
 */
public final class Platform implements AutoCloseable {

	private final LocalPlatform platform;

	private final Duration coldStart;

	private final @Nullable Duration aotTraining;

	private final Path home;

	private @Nullable Path logsTo;

	private final Path jars;

	private final Processes processes;

	private Platform(LocalPlatform platform, Duration coldStart, @Nullable Duration aotTraining, Path home, Path jars,
			Processes processes) {
		this.platform = platform;
		this.coldStart = coldStart;
		this.aotTraining = aotTraining;
		this.home = home;
		this.jars = jars;
		this.processes = processes;
	}

	/**
	 * Starts the platform and returns once every service is ready.
	 * @param environment more environment for every service
	 * @param aotCaches whether the services start from AOT caches, made before the start
	 * (and not counted in it) as the local run makes them after its first start
	 */
	public static Platform start(Path project, String version, Map<String, String> environment,
			Consumer<String> progress, boolean aotCaches) {
		return start(project, version, environment, progress, aotCaches, null, 1);
	}

	/**
	 * Starts the platform with the production chart's settings and this many replicas of
	 * ingest-service, and returns once every service is ready.
	 * @param production heap and environment from the chart; null for the local run's
	 * @param ingestReplicas how many replicas of ingest-service, behind one port
	 */
	public static Platform start(Path project, String version, Map<String, String> environment,
			Consumer<String> progress, boolean aotCaches, @Nullable ProductionSettings production, int ingestReplicas) {
		// Under the temporary directory: Elasticsearch, run as an unprivileged user when
		// this JVM is root, must be able to enter every directory above its own.
		Path home = Path.of(System.getProperty("java.io.tmpdir"), "chancery-benchmarks-" + UUID.randomUUID());
		Path jars = snapshot(project, version, Path.of(home + "-jars"));
		Map<String, String> everything = new java.util.LinkedHashMap<>();
		if (production != null) {
			everything.putAll(production.environment());
		}
		everything.putAll(environment);
		Settings settings = Settings.onFreePorts(jars, version, home, progress)
			.withEnvironment(everything)
			.withAotCache(aotCaches)
			.withIngestReplicas(ingestReplicas);
		if (production != null) {
			for (String service : Processes.SERVICES) {
				settings = settings.withJvmOptions(service, production.jvmOptions(service));
			}
		}
		Duration aotTraining = null;
		LocalPlatform platform;
		long started;
		try {
			if (aotCaches) {
				progress.accept("Making the services' AOT caches (not part of the cold start)");
				long training = System.nanoTime();
				Map<String, String> failures = LocalPlatform.trainAotCaches(settings);
				if (!failures.isEmpty()) {
					throw new IllegalStateException("No AOT cache for " + failures);
				}
				aotTraining = Duration.ofNanos(System.nanoTime() - training);
				progress.accept("AOT caches made in " + aotTraining.toSeconds() + " s");
			}
			started = System.nanoTime();
			platform = LocalPlatform.start(settings);
		}
		catch (RuntimeException ex) {
			delete(home);
			delete(jars);
			throw ex;
		}
		Duration coldStart = Duration.ofNanos(System.nanoTime() - started);
		return new Platform(platform, coldStart, aotTraining, home, jars, new Processes(version));
	}

	/**
	 * Copies the services' jars, laid out as in the project, so that a build running
	 * beside the benchmark cannot replace a jar under a running service: the run measures
	 * the jars as they were when it started.
	 */
	private static Path snapshot(Path project, String version, Path directory) {
		try {
			for (String service : Processes.SERVICES) {
				Path jar = Path.of(service, "target", service + "-" + version + ".jar");
				Path source = project.resolve(jar);
				if (!Files.isRegularFile(source)) {
					throw new IllegalStateException(source + " is missing: build the services first ("
							+ "./mvnw -Pbenchmarks -DskipTests -pl :benchmarks -am package does).");
				}
				Files.createDirectories(directory.resolve(jar).getParent());
				Files.copy(source, directory.resolve(jar));
			}
			return directory;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** From nothing running to every service ready, Kafka and Elasticsearch included. */
	public Duration coldStart() {
		return this.coldStart;
	}

	/** How long making the AOT caches took before the start; null without them. */
	public @Nullable Duration aotTraining() {
		return this.aotTraining;
	}

	public String gatewayUrl() {
		return this.platform.gatewayUrl();
	}

	public String counterServiceUrl() {
		return "http://127.0.0.1:" + this.platform.settings().ports().counter();
	}

	public String gatewayManagementUrl() {
		return "http://127.0.0.1:" + this.platform.settings().ports().gatewayManagement();
	}

	/** The actuator address of one service process, as {@link #processes()} names it. */
	public String managementUrl(String process) {
		return this.platform.managementUrl(process);
	}

	public String elasticsearchUrl() {
		return this.platform.elasticsearchUrl();
	}

	public String editorKey() {
		return this.platform.editorKey();
	}

	public String adminKey() {
		return this.platform.adminKey();
	}

	public Processes processes() {
		return this.processes;
	}

	/** Where the platform keeps its data and logs while it runs. */
	public Path home() {
		return this.home;
	}

	/**
	 * Keeps the services' and engines' logs in {@code directory} when the platform stops,
	 * replacing what an earlier run left there.
	 */
	public void keepLogsIn(Path directory) {
		this.logsTo = directory;
	}

	/** Stops everything, keeps the logs if asked to, and deletes the state. */
	@Override
	public void close() {
		this.platform.close();
		if (this.logsTo != null && Files.isDirectory(this.home.resolve("logs"))) {
			try {
				if (Files.isDirectory(this.logsTo)) {
					delete(this.logsTo);
				}
				Files.createDirectories(this.logsTo);
				try (Stream<Path> logs = Files.list(this.home.resolve("logs"))) {
					for (Path log : logs.filter(Files::isRegularFile).toList()) {
						Files.copy(log, this.logsTo.resolve(log.getFileName()));
					}
				}
			}
			catch (IOException ex) {
				System.err.println("Could not keep the logs: " + ex);
			}
		}
		delete(this.home);
		delete(this.jars);
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not delete " + directory + ": " + ex.getMessage());
		}
	}

}
