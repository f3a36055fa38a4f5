package io.chancery.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line writes the catalog its arguments name, and refuses vague ones. */
class DemoContentMainTests {

	private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

	private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

	@Test
	void writesTheCatalogToAFile(@TempDir Path directory) throws IOException {
		Path file = directory.resolve("catalog/demo.ndjson");
		assertThat(run("--seed=1", "--until=2026-11-30", "--out=" + file)).isZero();
		assertThat(Files.readAllLines(file)).isEqualTo(Catalogs.lines());
		assertThat(this.stdout.size()).isZero();
		assertThat(this.stderr.toString(StandardCharsets.UTF_8)).contains("Wrote " + Catalogs.lines().size() + " lines")
			.contains("seed 1, 2021-01-01 to 2026-11-30");
	}

	@Test
	void writesToStandardOutputWithTheDefaultSeed() throws IOException {
		assertThat(run("--until=2026-11-30")).isZero();
		assertThat(this.stdout.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(Catalogs.lines());
	}

	@Test
	void theEndDateIsRequiredSoThatAFileCanBeReproduced() throws IOException {
		assertThat(run("--seed=1")).isEqualTo(2);
		assertThat(this.stderr.toString(StandardCharsets.UTF_8)).contains("--until is required");
		assertThat(this.stdout.size()).isZero();
	}

	@Test
	void refusesWhatItDoesNotKnow() throws IOException {
		assertThat(run("--until=2026-11-30", "--sede=3")).isEqualTo(2);
		assertThat(run("--until=30.11.2026")).isEqualTo(2);
		assertThat(run("--until=2026-11-30", "--seed=one")).isEqualTo(2);
		assertThat(this.stderr.toString(StandardCharsets.UTF_8)).contains("Unknown argument --sede=3")
			.contains("Usage:");
	}

	private int run(String... args) throws IOException {
		return DemoContentMain.run(args, new PrintStream(this.stdout, true, StandardCharsets.UTF_8),
				new PrintStream(this.stderr, true, StandardCharsets.UTF_8));
	}

}
