package io.chancery.benchmarks.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Generated files are large; each scenario removes its own once they are used. */
final class Scratch {

	private Scratch() {
	}

	static void delete(List<Path> files) {
		for (Path file : files) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// Left for the run's scratch directory to be removed with.
			}
		}
	}

}
