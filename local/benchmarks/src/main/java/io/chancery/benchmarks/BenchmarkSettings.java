package io.chancery.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.chancery.benchmarks.scenarios.Context;

/**
 * Sizes and durations of a run. The {@code full} preset has the sizes; the
 * {@code smoke} preset runs every scenario with tiny ones, to keep the benchmark working.
 * Each setting can be changed with a system property {@code benchmarks.<name>}.
 *
 * @param preset {@code full} or {@code smoke}
 * @param project the project directory, where the services' jars were built
 * @param version the project version, part of the jars' names
 * @param articles articles imported in the indexing scenario (and rebuilt by the reindex)
 * @param articleBytes the size of one article's import line
 * @param demoLines demo catalog lines imported in the warm-up; 0 for all of them
 * @param writesPerSecond the freshness scenario's publishing rate
 * @param freshness how long the freshness scenario publishes
 * @param warmup wrk's unmeasured run before each measured one; three of it warm the
 * freshness scenario's write path up
 * @param jitSettle how much longer the freshness warm-up may go on, in rounds of
 * {@code warmup}, until the JIT compilers of the services on the write path have settled
 * (0: no longer)
 * @param load wrk's measured throughput run
 * @param latency wrk's one-connection latency run
 * @param threads wrk threads
 * @param connections wrk connections in the throughput runs
 * @param rounds throughput and latency runs per side, alternating which side goes first
 * @param bulkSize documents per {@code _bulk} request of the peer
 * @param idle the quiet pause before the idle footprint is read
 * @param quietLoad the one-minute load average the run waits for before it starts
 * @param quietWait how long it waits for that at most
 * @param profile whether to record the services with JFR during the measured phases
 * @param aotCache whether the services start from AOT caches, as the local run's do once
 * it has made them: the caches are made before the measured start, and the platform is
 * first started and stopped once without them, so that the report has both cold starts
 * @param scenarios the scenarios to run ({@code indexing}, {@code reindex},
 * {@code freshness}, {@code search}, {@code proxying}, {@code home}); empty for all, as a
 * reference run needs. A partial run is for working on one scenario.
 * @param report the Markdown file to write
 * @param output the directory for results.json and recordings
 * @param ingestReplicas replicas of ingest-service, behind one port as in the local run
 * @param production whether the services run with the production chart's heap, trace
 * sampling and log format ({@link io.chancery.benchmarks.platform.ProductionSettings})
 * rather than the local run's
 */
public record BenchmarkSettings(String preset, Path project, String version, int articles, int articleBytes,
		int demoLines, int writesPerSecond, Duration freshness, Duration warmup, Duration jitSettle, Duration load,
		Duration latency, int threads, int connections, int rounds, int bulkSize, Duration idle, double quietLoad,
		Duration quietWait, boolean profile, boolean aotCache, java.util.Set<String> scenarios, Path report,
		Path output, int ingestReplicas, boolean production) {

	/** The sizes. */
	public static BenchmarkSettings full(Path project, String version, Path report, Path output) {
		return new BenchmarkSettings("full", project, version, 50_000, 3_000, 0, 200, Duration.ofSeconds(60),
				Duration.ofSeconds(10), Duration.ofMinutes(4), Duration.ofSeconds(30), Duration.ofSeconds(15), 2, 16, 2,
				1_000, Duration.ofSeconds(15), 3.0, Duration.ofMinutes(15), false, true, java.util.Set.of(), report,
				output, 2, true);
	}

	/** Every scenario, tiny: for the test suite. */
	public static BenchmarkSettings smoke(Path project, String version, Path output) {
		return new BenchmarkSettings("smoke", project, version, 200, 3_000, 300, 20, Duration.ofSeconds(3),
				Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 4, 1, 100,
				Duration.ofSeconds(1), 0, Duration.ZERO, false, false, java.util.Set.of(),
				output.resolve("performance.md"), output, 2, true);
	}

	/**
	 * The preset named by {@code benchmarks.preset}, changed by any non-blank
	 * {@code benchmarks.<name>} property.
	 */
	public static BenchmarkSettings fromSystemProperties() {
		Path project = Path.of(System.getProperty("chancery.project", ".")).toAbsolutePath().normalize();
		String version = System.getProperty("chancery.version", "0.1.0-SNAPSHOT");
		Path output = path("benchmarks.output", project.resolve("local/benchmarks/target/benchmarks"));
		BenchmarkSettings preset = "smoke".equals(property("benchmarks.preset")) ? smoke(project, version, output)
				: full(project, version, project.resolve("docs/performance.md"), output);
		return new BenchmarkSettings(preset.preset(), project, version, number("articles", preset.articles()),
				number("articleBytes", preset.articleBytes()), number("demoLines", preset.demoLines()),
				number("writesPerSecond", preset.writesPerSecond()), seconds("freshnessSeconds", preset.freshness()),
				seconds("warmupSeconds", preset.warmup()), seconds("jitSettleSeconds", preset.jitSettle()),
				seconds("loadSeconds", preset.load()), seconds("latencySeconds", preset.latency()),
				number("threads", preset.threads()), number("connections", preset.connections()),
				number("rounds", preset.rounds()), number("bulkSize", preset.bulkSize()),
				seconds("idleSeconds", preset.idle()), decimal("quietLoad", preset.quietLoad()),
				seconds("quietWaitSeconds", preset.quietWait()),
				Boolean.parseBoolean(orDefault(property("benchmarks.profile"), Boolean.toString(preset.profile()))),
				Boolean.parseBoolean(orDefault(property("benchmarks.aotCache"), Boolean.toString(preset.aotCache()))),
				property("benchmarks.scenarios").isEmpty() ? preset.scenarios()
						: java.util.Set.of(property("benchmarks.scenarios").split("\\s*,\\s*")),
				path("benchmarks.report", preset.report()), output, number("ingestReplicas", preset.ingestReplicas()),
				Boolean
					.parseBoolean(orDefault(property("benchmarks.production"), Boolean.toString(preset.production()))));
	}

	/** Whether this run includes a scenario. */
	boolean runs(String scenario) {
		return this.scenarios.isEmpty() || this.scenarios.contains(scenario);
	}

	Context.ReadLoad readLoad() {
		return new Context.ReadLoad(this.warmup, this.load, this.latency, this.threads, this.connections, this.rounds);
	}

	/**
	 * The command that repeats this run: the documented one with the settings that differ
	 * from the full preset, or the test that runs the smoke preset.
	 */
	String command() {
		if (this.preset.equals("smoke")) {
			return "./mvnw -B -pl :benchmarks -am verify (the smoke test, BenchmarksIntegrationTests)";
		}
		Map<String, String> defaults = full(this.project, this.version, this.report, this.output).describe();
		StringBuilder command = new StringBuilder(Benchmarks.COMMAND);
		describe().forEach((name, value) -> {
			if (!value.equals(defaults.get(name))) {
				command.append(" -D").append(name).append('=').append(value);
			}
		});
		return command.toString();
	}

	/** The settings as the report lists them, by property name. */
	Map<String, String> describe() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("benchmarks.preset", this.preset);
		settings.put("benchmarks.articles", Integer.toString(this.articles));
		settings.put("benchmarks.articleBytes", Integer.toString(this.articleBytes));
		settings.put("benchmarks.demoLines",
				(this.demoLines == 0) ? "0 (the whole demo catalog)" : Integer.toString(this.demoLines));
		settings.put("benchmarks.writesPerSecond", Integer.toString(this.writesPerSecond));
		settings.put("benchmarks.freshnessSeconds", Long.toString(this.freshness.toSeconds()));
		settings.put("benchmarks.warmupSeconds", Long.toString(this.warmup.toSeconds()));
		settings.put("benchmarks.jitSettleSeconds", Long.toString(this.jitSettle.toSeconds()));
		settings.put("benchmarks.loadSeconds", Long.toString(this.load.toSeconds()));
		settings.put("benchmarks.latencySeconds", Long.toString(this.latency.toSeconds()));
		settings.put("benchmarks.threads", Integer.toString(this.threads));
		settings.put("benchmarks.connections", Integer.toString(this.connections));
		settings.put("benchmarks.rounds", Integer.toString(this.rounds));
		settings.put("benchmarks.bulkSize", Integer.toString(this.bulkSize));
		settings.put("benchmarks.idleSeconds", Long.toString(this.idle.toSeconds()));
		settings.put("benchmarks.quietLoad", Double.toString(this.quietLoad));
		settings.put("benchmarks.quietWaitSeconds", Long.toString(this.quietWait.toSeconds()));
		settings.put("benchmarks.profile", Boolean.toString(this.profile));
		settings.put("benchmarks.aotCache", Boolean.toString(this.aotCache));
		settings.put("benchmarks.ingestReplicas", Integer.toString(this.ingestReplicas));
		settings.put("benchmarks.production", Boolean.toString(this.production));
		settings.put("benchmarks.scenarios",
				this.scenarios.isEmpty() ? "all" : String.join(",", new java.util.TreeSet<>(this.scenarios)));
		return settings;
	}

	private static String property(String name) {
		String value = System.getProperty(name);
		return (value == null) ? "" : value.strip();
	}

	private static String orDefault(String value, String fallback) {
		return value.isEmpty() ? fallback : value;
	}

	private static int number(String name, int fallback) {
		return Integer.parseInt(orDefault(property("benchmarks." + name), Integer.toString(fallback)));
	}

	private static double decimal(String name, double fallback) {
		return Double.parseDouble(orDefault(property("benchmarks." + name), Double.toString(fallback)));
	}

	private static Duration seconds(String name, Duration fallback) {
		return Duration
			.ofSeconds(Long.parseLong(orDefault(property("benchmarks." + name), Long.toString(fallback.toSeconds()))));
	}

	private static Path path(String name, Path fallback) {
		String value = property(name);
		return value.isEmpty() ? fallback : Path.of(value).toAbsolutePath().normalize();
	}

}
