package io.chancery.localrun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How the local run starts a service's JVM: which java, which jar, which options. */
final class ServiceJvm {

	/**
	 * Small heaps and serial GC: four services share a developer's machine. Their live
	 * sets are 35 to 50 MB (docs/performance.md); the heap may grow to about three times
	 * that under load, where Native Memory Tracking showed it at its maximum as the
	 * largest part of each service's resident memory, and is given back after it (the
	 * free ratios), and the JIT's scratch memory is returned to the system every two
	 * seconds (JDK 22 and later), so resident memory follows the need rather than the
	 * maximum.
	 */
	static final List<String> OPTIONS = options();

	private ServiceJvm() {
	}

	/** A service's jar, as the build left it. */
	static Path jar(Settings settings, String service) {
		return settings.project()
			.resolve(service)
			.resolve("target")
			.resolve(service + "-" + settings.version() + ".jar");
	}

	/**
	 * The command that starts a process of a service: its options after the shared ones,
	 * named for ps and for the benchmark (which tells replicas apart by it), from the
	 * service's AOT cache when there is one.
	 */
	static List<String> command(String process, List<String> jvmOptions, Path jar, Optional<AotCache.Launch> cached) {
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(OPTIONS);
		command.addAll(jvmOptions);
		command.add("-Dchancery.process=" + process);
		if (cached.isPresent()) {
			command.addAll(List.of("-XX:AOTCache=" + cached.get().cache(), "-jar", cached.get().jar().toString()));
		}
		else {
			command.addAll(List.of("-jar", jar.toString()));
		}
		return command;
	}

	/** The java the local run itself runs on. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static List<String> options() {
		List<String> options = new ArrayList<>(
				List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
						"-XX:MaxMetaspaceSize=160m", "-Xss512k", "-XX:ReservedCodeCacheSize=64m"));
		if (Runtime.version().feature() >= 22) {
			options.add("-XX:TrimNativeHeapInterval=2000");
		}
		return List.copyOf(options);
	}

}
