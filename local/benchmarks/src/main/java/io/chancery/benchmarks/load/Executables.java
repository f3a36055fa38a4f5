package io.chancery.benchmarks.load;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Debian programs the benchmark drives, with a plain message when one is
 * missing.
 */
final class Executables {

	private Executables() {
	}

	static Path require(String name, String why) {
		return find(name).orElseThrow(() -> new IllegalStateException(name + " is not installed; the benchmarks need "
				+ "it " + why + ". Install it with: apt-get install -y nginx wrk (CI's .ci/run does)."));
	}

	static Optional<Path> find(String name) {
		List<String> directories = new ArrayList<>();
		String path = System.getenv("PATH");
		if (path != null) {
			directories.addAll(List.of(path.split(File.pathSeparator)));
		}
		// Debian puts nginx in /usr/sbin, which an ordinary user's PATH may lack.
		directories.addAll(List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"));
		return directories.stream()
			.filter((directory) -> !directory.isBlank())
			.map((directory) -> Path.of(directory, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
