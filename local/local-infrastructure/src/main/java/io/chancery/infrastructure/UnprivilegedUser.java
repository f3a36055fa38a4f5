package io.chancery.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch refuses to run as root, and CI runs as root. There it runs as an
 * unprivileged user ({@code CHANCERY_ES_USER}, default {@code nobody}) through
 * {@code setpriv}, owning only its instance directory. Anyone else runs it as themselves.
 */
final class UnprivilegedUser {

	private UnprivilegedUser() {
	}

	static boolean weAreRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	static String name() {
		String configured = System.getenv("CHANCERY_ES_USER");
		return (configured != null && !configured.isBlank()) ? configured : "nobody";
	}

	/**
	 * The prefix that runs a command as the unprivileged user, empty when we are not
	 * root.
	 */
	static List<String> commandPrefix() {
		if (!weAreRoot()) {
			return List.of();
		}
		if (!onPath("setpriv")) {
			throw new IllegalStateException("Elasticsearch refuses to run as root, and the build runs it as " + name()
					+ " through setpriv, which this machine lacks: install util-linux (Debian: apt-get install "
					+ "util-linux), or build as an ordinary user.");
		}
		String user = name();
		return List.of("setpriv", "--reuid=" + run("id", "-u", user), "--regid=" + run("id", "-g", user),
				"--clear-groups", "--");
	}

	private static boolean onPath(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(java.io.File.pathSeparator)) {
			if (!directory.isEmpty() && java.nio.file.Files.isExecutable(Path.of(directory, program))) {
				return true;
			}
		}
		return false;
	}

	/** Hands the directory to the unprivileged user, when we are root. */
	static void own(Path directory) {
		if (weAreRoot()) {
			String user = name();
			run("chown", "-R", run("id", "-u", user) + ":" + run("id", "-g", user), directory.toString());
		}
	}

	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("'" + String.join(" ", command) + "' failed: " + output
						+ ". Elasticsearch cannot run as root; set CHANCERY_ES_USER to an existing unprivileged user.");
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + new ArrayList<>(List.of(command)), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
