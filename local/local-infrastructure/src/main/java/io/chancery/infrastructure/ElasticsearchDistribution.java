package io.chancery.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch distribution Maven resolved
 * ({@code org.elasticsearch.distribution.integ-test-zip}) with the project's
 * {@link AnalysisPlugin} installed, unpacked once into the work directory and shared by
 * every instance of that version and plugin build.
 */
final class ElasticsearchDistribution {

	private ElasticsearchDistribution() {
	}

	static String version() {
		return buildProperties().getProperty("version");
	}

	/**
	 * The unpacked distribution's home, unpacking it and installing the analysis plugin
	 * first if this is the first use of this version with this build of the plugin.
	 */
	static Path home() {
		Properties properties = buildProperties();
		Path zip = Path.of(properties.getProperty("zip"));
		if (!Files.isRegularFile(zip)) {
			throw new IllegalStateException("The Elasticsearch distribution " + zip
					+ " is missing: run the build once with network access to Maven Central (./mvnw -pl :local-infrastructure install).");
		}
		byte[] plugin = AnalysisPlugin.zip();
		Path distributions = WorkDirectory.createReadable(WorkDirectory.root().resolve("dist"));
		// Keyed by the plugin's digest too: a changed plugin gets a fresh distribution
		// rather than an upgrade in place under a running server. Older ones stay until
		// the work directory is cleared.
		Path home = distributions
			.resolve("elasticsearch-" + properties.getProperty("version") + "-" + AnalysisPlugin.shortHash(plugin));
		if (isComplete(home)) {
			return home;
		}
		Path staging = WorkDirectory.createReadable(
				distributions.resolve(".unpacking-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
		try {
			Path unpacked = unpack(zip, staging);
			Path pluginZip = Files.write(staging.resolve("analysis-plugin.zip"), plugin);
			// Installed before the move, so no JVM ever sees a distribution without it.
			AnalysisPlugin.install(unpacked, pluginZip, staging.resolve("plugin-install.log"));
			try {
				Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
				// Another JVM prepared it first; theirs is as good as ours.
			}
			catch (IOException ex) {
				if (!isComplete(home)) {
					throw ex;
				}
			}
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack " + zip + " into " + distributions, ex);
		}
		finally {
			WorkDirectory.deleteRecursively(staging);
		}
	}

	private static boolean isComplete(Path home) {
		return Files.isRegularFile(home.resolve("bin/elasticsearch")) && AnalysisPlugin.isInstalled(home);
	}

	/** Unpacks the zip, returning its single top-level directory. */
	private static Path unpack(Path zip, Path target) throws IOException {
		Path top = null;
		try (ZipFile file = new ZipFile(zip.toFile())) {
			Enumeration<? extends ZipEntry> entries = file.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				Path destination = target.resolve(entry.getName()).normalize();
				if (!destination.startsWith(target)) {
					throw new IOException("Zip entry outside the target: " + entry.getName());
				}
				if (top == null) {
					top = target.resolve(target.relativize(destination).getName(0));
				}
				if (entry.isDirectory()) {
					Files.createDirectories(destination);
					Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString("rwxr-xr-x"));
					continue;
				}
				Files.createDirectories(destination.getParent());
				try (InputStream in = file.getInputStream(entry)) {
					Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
				}
				// java.util.zip does not carry Unix modes; only the launch scripts need
				// to be executable.
				boolean script = destination.getParent().getFileName().toString().equals("bin");
				Files.setPosixFilePermissions(destination,
						PosixFilePermissions.fromString(script ? "rwxr-xr-x" : "rw-r--r--"));
			}
		}
		if (top == null) {
			throw new IOException(zip + " is empty");
		}
		return top;
	}

	private static Properties buildProperties() {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(Jvm.resource("META-INF/chancery/elasticsearch.properties")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
