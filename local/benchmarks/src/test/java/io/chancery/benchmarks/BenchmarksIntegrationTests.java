package io.chancery.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.chancery.benchmarks.http.Http;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.RunReport;
import io.chancery.benchmarks.report.ScenarioResult;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The smoke run: every scenario of the performance table with tiny sizes on a real
 * platform, so the benchmark keeps working. It checks that each scenario produced its
 * figures and its peer's, not that the targets are met: tiny runs on a shared machine
 * prove nothing about speed.
 */
class BenchmarksIntegrationTests {

	@Test
	void smokeRunMeasuresEveryScenarioBesideItsPeer() throws Exception {
		Path project = Path.of(System.getProperty("chancery.project", "..")).toAbsolutePath().normalize();
		String version = System.getProperty("chancery.version", "0.1.0-SNAPSHOT");
		Path output = project.resolve("local/benchmarks/target/smoke");
		BenchmarkSettings settings = BenchmarkSettings.smoke(project, version, output);

		RunReport report = Benchmarks.run(settings, System.out::println);

		assertThat(report.scenarios()).extracting(ScenarioResult::name)
			.containsExactly("indexing throughput", "reindex by replay", "freshness", "freshness at 4 writes/s",
					"search", "gateway proxying", "home page data", "footprint");
		assertThat(report.scenarios())
			.allSatisfy((scenario) -> assertThat(scenario.details()).as("%s failed", scenario.name())
				.doesNotContainKey("failure"));
		assertThat(report.allOutcomes()).extracting(Outcome::scenario)
			.contains("indexing throughput", "reindex by replay", "freshness p50", "freshness p99", "search throughput",
					"search p50 added (one connection)", "search-service CPU per search", "gateway proxying",
					"gateway proxying p50 added (one connection)", "gateway CPU per proxied request", "home page data",
					"footprint, web-gateway", "stack cold start");
		// The CPU a service spent per request it answered, read from the process.
		assertThat(report.allOutcomes())
			.filteredOn((outcome) -> List.of("search-service CPU per search", "gateway CPU per proxied request")
				.contains(outcome.scenario()))
			.hasSize(2)
			.allSatisfy((outcome) -> assertThat(outcome.chancery()).as(outcome.scenario()).isPositive());
		for (Outcome outcome : report.allOutcomes()) {
			if (outcome.scenario().startsWith("freshness at ")) {
				// A reference figure, without a target.
				assertThat(outcome.met()).isNull();
				assertThat(outcome.chancery()).isPositive();
				continue;
			}
			assertThat(outcome.met()).as("%s has a verdict", outcome.scenario()).isNotNull();
			if (outcome.ratio() != null) {
				assertThat(outcome.chancery()).as("%s, Chancery", outcome.scenario()).isPositive();
				assertThat(outcome.peer()).as("%s, peer", outcome.scenario()).isPositive();
			}
		}
		for (String scenario : List.of("search", "gateway proxying", "home page data")) {
			assertThat(scenario(report, scenario).cpu()).as("%s CPU", scenario).containsKeys("chancery", "peer");
		}
		assertThat(scenario(report, "search").details().get("mismatches")).as("searches that differ")
			.asList()
			.isEmpty();
		assertThat(scenario(report, "freshness").details()).containsEntry("notVisible", 0L).containsEntry("failed", 0);
		// Each writing process's own timer, beside what the writers measured.
		assertThat(scenario(report, "freshness").details().get("insideServices")).asString()
			.contains("web-gateway ", "ingest-service ", " requests, mean ");
		// How many changes ingest-service's Kafka transactions carried.
		assertThat(scenario(report, "freshness").details().get("transactions")).asString()
			.contains(" changes per transaction (");
		// What Elasticsearch did for each index a write goes to.
		assertThat(scenario(report, "freshness").details().get("indices")).asString()
			.contains("content: ", "editorial record: ", " refreshes, ");
		// The whole machine's cores, disk and host beside the processes'.
		assertThat(scenario(report, "freshness").details().get("machine")).asString()
			.contains(" cores (user ", "stolen by the host ");

		String markdown = Files.readString(settings.report());
		assertThat(markdown).contains("| scenario | Chancery | peer | ratio | target | met? |")
			.contains("| indexing throughput |")
			.contains("| home page data |");
		JsonNode json = Http.JSON.readTree(Files.readString(output.resolve("results.json")));
		assertThat(json.path("scenarios")).hasSize(8);
	}

	private static ScenarioResult scenario(RunReport report, String name) {
		return report.scenarios().stream().filter((scenario) -> scenario.name().equals(name)).findFirst().orElseThrow();
	}

}
