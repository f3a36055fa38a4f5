package io.chancery.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions of what a run measured, read from the things themselves. */
final class Versions {

	private static final Pattern KAFKA = Pattern.compile("kafka_[0-9.]+-([0-9][0-9A-Za-z.-]*)\\.jar");

	private Versions() {
	}

	/**
	 * The versions.
	 * @param source what {@link #source} read when the run began
	 */
	static Map<String, String> of(BenchmarkSettings settings, String source, String elasticsearch, String nginx,
			String wrk) {
		Map<String, String> versions = new LinkedHashMap<>();
		versions.put("Chancery", settings.version() + source);
		versions.put("Java (services, Kafka, Elasticsearch, benchmark)",
				System.getProperty("java.vm.vendor") + " " + Runtime.version());
		versions.put("Spring Boot", springBoot(settings));
		versions.put("Kafka", kafka());
		versions.put("Elasticsearch", elasticsearch);
		versions.put("nginx", nginx);
		versions.put("wrk", wrk);
		return versions;
	}

	private static String springBoot(BenchmarkSettings settings) {
		Path jar = settings.project().resolve("web-gateway/target/web-gateway-" + settings.version() + ".jar");
		try (JarFile file = new JarFile(jar.toFile())) {
			String version = file.getManifest().getMainAttributes().getValue("Spring-Boot-Version");
			return (version != null) ? version : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** The broker's version, from the class path local-infrastructure runs it with. */
	private static String kafka() {
		try (InputStream in = Versions.class.getClassLoader()
			.getResourceAsStream("META-INF/chancery/broker.classpath")) {
			if (in != null) {
				Matcher matcher = KAFKA.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				if (matcher.find()) {
					return matcher.group(1) + " (KRaft, one node)";
				}
			}
		}
		catch (IOException ex) {
			// Reported as unknown.
		}
		return "unknown";
	}

	/**
	 * The commit the working tree is at, and whether it has changes, read as the run
	 * begins: the jars were built from that tree just before, and edits made while the
	 * run goes on are not in what it measures.
	 */
	static String source(Path project) {
		String commit = run(project, "git", "rev-parse", "--short", "HEAD");
		if (commit.isEmpty()) {
			return "";
		}
		String changes = run(project, "git", "status", "--porcelain");
		return " (commit " + commit + (changes.isEmpty() ? "" : ", with uncommitted changes") + ")";
	}

	private static String run(Path directory, String... command) {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) ? output : "";
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

}
