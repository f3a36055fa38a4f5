package io.chancery.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.chancery.infrastructure.Ports;

/**
 * Ahead-of-time caches for the services (JDK 25: JEP 483 and 514), so that a second start
 * of the local run loads and links their classes from a cache instead of from the jars. A
 * cache belongs to one build of one jar: the service's jar is extracted
 * ({@code -Djarmode=tools extract}, since classes inside nested jars cannot be cached),
 * and a training run starts the application context once and exits
 * ({@code -Dspring.context.exit=onRefresh}), writing the cache. Training happens after
 * the platform is ready, in the background, one service at a time; until a cache exists
 * the service starts from its jar as before.
 */
final class AotCache {

	private final Path root;

	private final List<String> jvmOptions;

	AotCache(Path root, List<String> jvmOptions) {
		this.root = root;
		this.jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * Makes the caches {@code services} lack, one after another (see
	 * {@link LocalPlatform#trainAotCaches}).
	 * @return what went wrong, by service; empty when every service has its cache
	 */
	static Map<String, String> trainAll(Settings settings, List<String> services) {
		if (!LocalPlatform.aotCachesSupported()) {
			Map<String, String> failures = new LinkedHashMap<>();
			services.forEach((service) -> failures.put(service, "AOT caches need JDK 25 or later"));
			return failures;
		}
		AotCache caches = new AotCache(settings.home().resolve("aot"), ServiceJvm.OPTIONS);
		Map<String, String> base = new LinkedHashMap<>();
		base.put("MALLOC_ARENA_MAX", "2");
		base.putAll(settings.environment());
		Map<String, String> environment = awayFromThePlatform(base);
		Map<String, String> failures = new LinkedHashMap<>();
		for (String service : services) {
			Path jar = ServiceJvm.jar(settings, service);
			if (caches.launch(service, jar).isEmpty()) {
				caches.train(service, jar, settings.jvmOptions(service), environment, ServiceJvm.java())
					.ifPresent((failed) -> failures.put(service, failed));
			}
		}
		return failures;
	}

	/**
	 * The environment of a training run: the services' own, but with Kafka, Elasticsearch
	 * and the other services at an address where nothing listens. A training run that
	 * reached the running Kafka would join search-service's consumer group and
	 * ingest-service's group of writers, take partitions from the running services and
	 * leave them waiting for it when it exits.
	 */
	static Map<String, String> awayFromThePlatform(Map<String, String> environment) {
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
	 * Makes the caches of the services that started without one, one after another on a
	 * thread of its own, for the next start.
	 * @param jars the services' jars, by service
	 * @param environment the services' environment, away from the platform
	 * @param step where progress is told
	 */
	void trainInBackground(Map<String, Path> jars, Settings settings, Map<String, String> environment,
			Consumer<String> step) {
		if (jars.isEmpty()) {
			return;
		}
		Thread.ofPlatform().daemon().name("aot-training").start(() -> {
			for (Map.Entry<String, Path> service : jars.entrySet()) {
				long started = System.nanoTime();
				Optional<String> failed = train(service.getKey(), service.getValue(),
						settings.jvmOptions(service.getKey()), environment, ServiceJvm.java());
				step.accept(failed.map((reason) -> "No AOT cache for " + service.getKey() + ": " + reason)
					.orElse("AOT cache for " + service.getKey() + " made in "
							+ Duration.ofNanos(System.nanoTime() - started).toSeconds()
							+ " s; the next start uses it"));
			}
		});
	}

	/** The extracted jar and its cache, when both exist for this build of the jar. */
	Optional<Launch> launch(String service, Path jar) {
		Path directory = directory(service, jar);
		Path extracted = directory.resolve("app").resolve(jar.getFileName());
		Path cache = directory.resolve("app.aot");
		return (Files.isRegularFile(extracted) && Files.isRegularFile(cache))
				? Optional.of(new Launch(extracted, cache)) : Optional.empty();
	}

	/**
	 * Extracts the jar and runs the training; returns what went wrong, if anything. A
	 * failed training leaves no cache, and the service keeps starting from its jar. The
	 * training runs where the service will later start from, since a cache only serves
	 * the class path it was written for; the cache file appears last, under its final
	 * name.
	 */
	Optional<String> train(String service, Path jar, List<String> moreOptions, Map<String, String> environment,
			String java) {
		Path directory = directory(service, jar);
		try {
			deleteRecursively(directory);
			Files.createDirectories(directory);
			Path extracted = directory.resolve("app");
			Optional<String> failed = run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
					"--destination", extracted.toString()), directory, environment, "extract");
			if (failed.isPresent()) {
				return failed;
			}
			Path partial = directory.resolve("app.aot.partial");
			List<String> training = new ArrayList<>(List.of(java));
			training.addAll(this.jvmOptions);
			training.addAll(moreOptions);
			training.addAll(List.of("-XX:AOTCacheOutput=" + partial, "-Dspring.context.exit=onRefresh", "-jar",
					extracted.resolve(jar.getFileName()).toString()));
			failed = run(training, directory, environment, "training");
			if (failed.isPresent()) {
				return failed;
			}
			if (!Files.isRegularFile(partial)) {
				return Optional.of("the training run wrote no cache");
			}
			// Older builds' caches of this service are of no more use.
			try (Stream<Path> old = Files.list(this.root)) {
				for (Path each : old.filter((path) -> path.getFileName().toString().startsWith(service + "-"))
					.toList()) {
					if (!each.equals(directory)) {
						deleteRecursively(each);
					}
				}
			}
			Files.move(partial, directory.resolve("app.aot"), StandardCopyOption.ATOMIC_MOVE);
			return Optional.empty();
		}
		catch (IOException ex) {
			return Optional.of(ex.toString());
		}
	}

	private static Optional<String> run(List<String> command, Path directory, Map<String, String> environment,
			String step) throws IOException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve(step + ".log").toFile());
		builder.environment().putAll(environment);
		// The training binds nothing, but a port of 0 keeps it clear of the running
		// service.
		builder.environment().put("PORT", "0");
		builder.environment().put("MANAGEMENT_PORT", "0");
		Process process = builder.start();
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				return Optional.of(step + " took longer than 5 minutes");
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			return Optional.of(step + " interrupted");
		}
		return (process.exitValue() == 0) ? Optional.empty() : Optional
			.of(step + " exited with " + process.exitValue() + "; see " + directory.resolve(step + ".log"));
	}

	/**
	 * Keyed by the jar's digest: builds are reproducible, so an unchanged service keeps
	 * its cache.
	 */
	private Path directory(String service, Path jar) {
		try (java.io.InputStream in = Files.newInputStream(jar)) {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[1 << 16];
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
			}
			return this.root.resolve(service + "-" + java.util.HexFormat.of().formatHex(digest.digest(), 0, 8));
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
	}

	/**
	 * How to start a service from its cache.
	 *
	 * @param jar the extracted application jar
	 * @param cache the AOT cache
	 */
	record Launch(Path jar, Path cache) {
	}

}
