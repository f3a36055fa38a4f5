package io.chancery.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK this JVM runs on, used for every child JVM and for Elasticsearch, and the class
 * paths to give them.
 */
final class Jvm {

	static final int MINIMUM_FEATURE_VERSION = 21;

	private Jvm() {
	}

	/**
	 * The running JDK's home, after checking it is new enough for Kafka 4 and
	 * Elasticsearch 9.
	 */
	static Path home() {
		int feature = Runtime.version().feature();
		if (feature < MINIMUM_FEATURE_VERSION) {
			throw new IllegalStateException("Kafka and Elasticsearch need a JDK " + MINIMUM_FEATURE_VERSION
					+ " or newer, but this JVM is " + Runtime.version() + " (" + System.getProperty("java.home")
					+ "). Run through ./mvnw, which selects an installed JDK 21+, or set JAVA_HOME to one.");
		}
		return Path.of(System.getProperty("java.home"));
	}

	static String java() {
		return home().resolve("bin/java").toString();
	}

	/** A command line for a child JVM running {@code mainClass} on {@code classPath}. */
	static List<String> command(List<Path> classPath, List<String> jvmOptions, String mainClass, List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
		command.add(mainClass);
		command.addAll(args);
		return command;
	}

	/** Where this module's classes are: a jar, or a classes directory in the reactor. */
	static Path ownCodeSource() {
		try {
			return Path.of(Jvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The broker's class path as the build wrote it, with this module first. */
	static List<Path> brokerClassPath() {
		List<Path> classPath = new ArrayList<>();
		classPath.add(ownCodeSource());
		String written = resource("META-INF/chancery/broker.classpath").trim();
		for (String entry : written.split(java.io.File.pathSeparator)) {
			if (!entry.isBlank()) {
				classPath.add(Path.of(entry));
			}
		}
		classPath.stream().filter((entry) -> !Files.exists(entry)).findFirst().ifPresent((missing) -> {
			throw new IllegalStateException("The broker class path names " + missing
					+ ", which does not exist: rebuild local-infrastructure (./mvnw -pl :local-infrastructure install).");
		});
		return classPath;
	}

	static String resource(String name) {
		try (InputStream in = Jvm.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing: local-infrastructure was not built by Maven");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
