package io.chancery.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The project's Elasticsearch analysis plugin ({@code analysis-plugin}), which the build
 * copies into this module's classes, and its installation into a distribution.
 */
final class AnalysisPlugin {

	/** The plugin's name in {@code _cat/plugins} and under {@code plugins/}. */
	static final String NAME = "chancery-analysis";

	private static final String RESOURCE = "META-INF/chancery/analysis-plugin.zip";

	private static final long INSTALL_TIMEOUT_SECONDS = 120;

	private AnalysisPlugin() {
	}

	static byte[] zip() {
		try (InputStream in = AnalysisPlugin.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE
						+ " is missing: build local-infrastructure with Maven together with analysis-plugin (./mvnw -pl :analysis-plugin,:local-infrastructure install).");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A short digest of the zip, so a changed plugin gets a distribution of its own. */
	static String shortHash(byte[] zip) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)).substring(0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean isInstalled(Path home) {
		return Files
			.isRegularFile(home.resolve("plugins").resolve(NAME).resolve("stable-plugin-descriptor.properties"));
	}

	/**
	 * Installs the plugin with the distribution's own tool. It runs as this JVM's user,
	 * who owns the distribution: the tool writes the plugin's files world-readable, so a
	 * server running as the unprivileged user can load them but not change them.
	 * @param home an unpacked distribution no server runs from yet
	 * @param zip the plugin zip, written to a file
	 * @param log where the tool's output goes; read back into the exception on failure
	 */
	static void install(Path home, Path zip, Path log) {
		List<String> command = List.of(home.resolve("bin/elasticsearch-plugin").toString(), "install", "--batch",
				zip.toUri().toString());
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("ES_JAVA_HOME", Jvm.home().toString());
		builder.environment().put("ES_PATH_CONF", home.resolve("config").toString());
		try {
			Process process = builder.start();
			if (!process.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"'" + String.join(" ", command) + "' did not finish within " + INSTALL_TIMEOUT_SECONDS
								+ " s. Its output:\n" + Files.readString(log, StandardCharsets.UTF_8));
			}
			if (process.exitValue() != 0 || !isInstalled(home)) {
				throw new IllegalStateException("'" + String.join(" ", command) + "' failed with exit code "
						+ process.exitValue() + ". Its output:\n" + Files.readString(log, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not install " + NAME + " into " + home, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while installing " + NAME, ex);
		}
	}

}
