package io.chancery.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.function.Consumer;

import io.chancery.infrastructure.Ports;

/**
 * The directory the local run keeps its state in, and the API keys it makes there once:
 * where it is, whether the machine has room for a run, and what a fresh start deletes.
 */
final class PlatformHome {

	private PlatformHome() {
	}

	/**
	 * A local API key for a role: made once, kept with the state, so a second run keeps
	 * working with it.
	 */
	static String key(Path home, String role) throws IOException {
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

	static String sha256(String value) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The state's directory: {@code CHANCERY_HOME}, else {@code .chancery/} in the
	 * project.
	 */
	static Path of(Path project) {
		String configured = System.getenv("CHANCERY_HOME");
		return (configured != null && !configured.isBlank()) ? Path.of(configured).toAbsolutePath()
				: project.resolve(".chancery");
	}

	/**
	 * Makes the home ready for a start: emptied on a fresh start, on a disk with room,
	 * reachable by Elasticsearch's user, and every service's ports free.
	 */
	static void prepare(Settings settings, List<String> services, Consumer<String> step) throws IOException {
		Path home = settings.home();
		if (settings.fresh()) {
			step.accept("Deleting the state in " + home + " (fresh start; AOT caches are kept)");
			deleteStateIn(home);
		}
		Files.createDirectories(home);
		checkResources(home);
		requireReachableByElasticsearch(home);
		for (String service : services) {
			Ports.requireFree(settings.ports().api(service), service);
			Ports.requireFree(settings.ports().management(service), service + " (management)");
		}
	}

	/** Refuses to start on a machine without the disk and memory the run needs. */
	static void checkResources(Path home) throws IOException {
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
	static void requireReachableByElasticsearch(Path home) throws IOException {
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

}
