package io.chancery.system;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.chancery.localrun.LocalPlatform;
import io.chancery.localrun.Settings;

/**
 * The platform the local run starts, started once for all system tests on free ports with
 * its own fresh state, and stopped when the test JVM ends.
 */
final class Stack {

	private static LocalPlatform platform;

	/**
	 * Why the platform did not start, so later test classes fail at once instead of
	 * trying again.
	 */
	private static RuntimeException failure;

	private Stack() {
	}

	static synchronized LocalPlatform get() {
		if (failure != null) {
			throw new IllegalStateException("The platform did not start for an earlier test class", failure);
		}
		if (platform == null) {
			Path project = project();
			String version = version();
			// Under the temporary directory: Elasticsearch, run as an unprivileged user
			// when
			// the tests run as root, must be able to enter every directory above its own.
			Path home = Path.of(System.getProperty("java.io.tmpdir"), "chancery-system-" + UUID.randomUUID());
			long started = System.nanoTime();
			Settings settings = Settings
				.onFreePorts(project, version, home, (line) -> System.out.println("[stack] " + line))
				.withEnvironment(environment())
				// As the chart runs it: two replicas that share the source partitions.
				.withIngestReplicas(2);
			try {
				platform = LocalPlatform.start(settings);
			}
			catch (RuntimeException ex) {
				failure = ex;
				throw ex;
			}
			System.out.printf("[stack] ready in %.1f s at %s%n", (System.nanoTime() - started) / 1e9,
					platform.gatewayUrl());
			LocalPlatform started2 = platform;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				started2.close();
				// -Dchancery.keep-state=true keeps the logs and data to look at after a
				// failure.
				if (!Boolean.getBoolean("chancery.keep-state")) {
					deleteRecursively(home);
				}
			}, "stop-stack"));
		}
		return platform;
	}

	static Path project() {
		return Path.of(System.getProperty("chancery.project", "..")).toAbsolutePath().normalize();
	}

	static String version() {
		return System.getProperty("chancery.version", "0.1.0-SNAPSHOT");
	}

	/** The environment the test platforms run with, beside the local run's. */
	static Map<String, String> environment() {
		return Map.of(
				// The drills send hundreds of requests as one client: a 429 must never
				// stand
				// in for the answer under test. The gateway's own tests trip each limit.
				"CHANCERY_LIMITS_READS_PER_MINUTE", "1000000", "CHANCERY_LIMITS_WRITES_PER_MINUTE", "1000000",
				"CHANCERY_LIMITS_EXPORTS_PER_MINUTE", "1000000", "CHANCERY_LIMITS_CURSORS_PER_MINUTE", "1000000",
				// Bearer tokens signed by the tests' own key are accepted by the gateway,
				// ingest-service and search-service.
				"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", "file:" + Tokens.publicKeyPem());
	}

	static void deleteRecursively(Path path) {
		try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(path)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((each) -> each.toFile().delete());
		}
		catch (java.io.IOException | RuntimeException ex) {
			// A leftover in the temporary directory is no failure.
		}
	}

}
