package io.chancery.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chancery.benchmarks.http.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTests {

	@TempDir
	Path directory;

	@Test
	void aNewFileGetsTheCommandAndTheTable() throws Exception {
		Path file = this.directory.resolve("performance.md");
		MarkdownReport.write(report(1200, 2000), file);
		String text = Files.readString(file);
		assertThat(text).contains("./mvnw -Pbenchmarks")
			.contains("| indexing throughput | 1,200 docs/s | 2,000 docs/s | 0.60× | ≥ 0.9× the peer | **no** |")
			.contains("| stack cold start | 42.0 s | — | — | ≤ 60 s | yes |")
			.contains("| indexing throughput, chancery | 10.0 | 0.50 |")
			.contains(MarkdownReport.BEGIN)
			.contains(MarkdownReport.END);
	}

	@Test
	void whatPeopleWroteOutsideTheMarkersSurvivesTheNextRun() throws Exception {
		Path file = this.directory.resolve("performance.md");
		MarkdownReport.write(report(1200, 2000), file);
		String written = Files.readString(file);
		Files.writeString(file, written.replace(MarkdownReport.END, MarkdownReport.END + "\n\n## Tuning notes\n\nKeep.")
			.replace("# Performance", "# Performance\n\nIntroduction by hand."));
		MarkdownReport.write(report(1900, 2000), file);
		String again = Files.readString(file);
		assertThat(again).contains("Introduction by hand.")
			.contains("## Tuning notes\n\nKeep.")
			.contains("| 1,900 docs/s |")
			.doesNotContain("| 1,200 docs/s |");
	}

	@Test
	void jsonHoldsEveryOutcome() throws Exception {
		Path file = this.directory.resolve("results.json");
		MarkdownReport.writeJson(report(1200, 2000), file);
		var json = Http.JSON.readTree(Files.readString(file));
		assertThat(json.path("scenarios").path(0).path("outcomes").path(0).path("ratio").asDouble()).isEqualTo(0.6);
		assertThat(json.path("machine").path("cores").asInt()).isPositive();
	}

	private static RunReport report(double chancery, double peer) {
		Outcome indexing = Outcome.ratio("indexing throughput", "docs/s", chancery, peer, 0.9,
				Format.whole(chancery) + " docs/s", Format.whole(peer) + " docs/s", "a note");
		Outcome start = Outcome.atMost("stack cold start", "s", 42, null, 60, "42.0 s", "—", "≤ 60 s", "");
		Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
		cpu.put("chancery", Map.of("wall", 10.0, "web-gateway", 5.0));
		return new RunReport("test", Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:30:00Z"),
				"./mvnw -Pbenchmarks", Map.of("benchmarks.articles", "10"), Machine.current(),
				Map.of("before start", new Machine.Load(0.5, 0.4, 0.3)), Map.of("Java", "25"),
				List.of(new ScenarioResult("indexing throughput", List.of(indexing), Map.of(), cpu, List.of("raw"),
						Map.of()),
						new ScenarioResult("footprint", List.of(start), Map.of(), Map.of(), List.of(), Map.of())),
				List.of());
	}

}
