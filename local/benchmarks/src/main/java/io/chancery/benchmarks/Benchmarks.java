package io.chancery.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.chancery.benchmarks.content.ArticleLines;
import io.chancery.benchmarks.elasticsearch.Elasticsearch;
import io.chancery.benchmarks.http.Http;
import io.chancery.benchmarks.load.Nginx;
import io.chancery.benchmarks.load.Wrk;
import io.chancery.benchmarks.platform.MemorySampler;
import io.chancery.benchmarks.platform.Platform;
import io.chancery.benchmarks.platform.Processes;
import io.chancery.benchmarks.platform.ProductionSettings;
import io.chancery.benchmarks.profiling.FlightRecorder;
import io.chancery.benchmarks.report.Machine;
import io.chancery.benchmarks.report.MarkdownReport;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.RunReport;
import io.chancery.benchmarks.report.ScenarioResult;
import io.chancery.benchmarks.scenarios.Context;
import io.chancery.benchmarks.scenarios.Footprint;
import io.chancery.benchmarks.scenarios.Freshness;
import io.chancery.benchmarks.scenarios.HomePage;
import io.chancery.benchmarks.scenarios.Indexing;
import io.chancery.benchmarks.scenarios.Proxying;
import io.chancery.benchmarks.scenarios.Reindex;
import io.chancery.benchmarks.scenarios.Search;
import io.chancery.benchmarks.scenarios.WarmUp;
import org.jspecify.annotations.Nullable;

/**
 * Runs the performance table of the project in one go: waits for a quiet machine, starts
 * the platform as the local run does and nginx beside it, warms both sides up, runs every
 * scenario with its peer, and writes {@code docs/performance.md} (between its markers)
 * and {@code results.json}. Sizes come from {@link BenchmarkSettings}.
 */
public final class Benchmarks {

	/** The documented command of a full run. */
	static final String COMMAND = "./mvnw -B -Pbenchmarks -DskipTests -pl :benchmarks -am package";

	private static final long SEED = 7;

	private Benchmarks() {
	}

	public static void main(String[] args) {
		BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
		RunReport report = run(settings, (line) -> {
			System.out.println(line);
			System.out.flush();
		});
		System.out.println();
		for (Outcome outcome : report.allOutcomes()) {
			System.out.printf("%-45s %-45s %-40s %s%n", outcome.scenario(), outcome.chanceryText(), outcome.peerText(),
					(outcome.met() == null) ? "" : (outcome.met() ? "met" : "NOT MET"));
		}
		System.out.println("Written: " + settings.report() + " (and .json beside it) and "
				+ settings.output().resolve("results.json"));
		boolean failed = report.scenarios().stream().anyMatch((scenario) -> scenario.details().containsKey("failure"));
		System.exit(failed ? 1 : 0);
	}

	/**
	 * Runs every scenario and writes the report; a scenario that fails is reported as
	 * such.
	 */
	static RunReport run(BenchmarkSettings settings, Consumer<String> progress) {
		Instant started = Instant.now();
		long clock = System.nanoTime();
		Consumer<String> say = (line) -> progress
			.accept(String.format("[benchmarks %6.1f s] %s", (System.nanoTime() - clock) / 1e9, line));
		String source = Versions.source(settings.project());
		Path scratch = scratch();
		// Both fail at once, with how to install them, when missing.
		Wrk wrk = Wrk.find(scratch.resolve("wrk"));
		String nginxVersion = Nginx.version();
		String wrkVersion = wrk.version();

		Map<String, Machine.Load> loads = new LinkedHashMap<>();
		loads.put("before start", awaitQuiet(settings, say));
		List<ScenarioResult> results = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Map<String, String> versions;
		say.accept("Starting the platform (Kafka, Elasticsearch, four services) with fresh state");
		Map<String, String> environment = Map.of("CHANCERY_LIMITS_READS_PER_MINUTE", "1000000000",
				"CHANCERY_LIMITS_WRITES_PER_MINUTE", "1000000000", "CHANCERY_LIMITS_EXPORTS_PER_MINUTE", "1000",
				"CHANCERY_LIMITS_MAX_IMPORT_SIZE", "4GB");
		@Nullable ProductionSettings production = settings.production() ? ProductionSettings.of(settings.project()) : null;
		if (production != null) {
			notes.add("The services ran with the production chart's settings (" + production.source() + "): heap "
					+ production.heapMegabytes() + " MB, environment " + production.environment() + "; "
					+ settings.ingestReplicas() + " replicas of ingest-service.");
		}
		boolean aotCaches = settings.aotCache() && io.chancery.localrun.LocalPlatform.aotCachesSupported();
		if (settings.aotCache() && !aotCaches) {
			notes.add("The services started without AOT caches: the benchmark runs on JDK "
					+ Runtime.version().feature() + ", and they need 25 or later.");
		}
		Duration withoutCaches = null;
		if (aotCaches) {
			say.accept("Cold start without AOT caches, as the first start after a build is; then stopped");
			try (Platform first = Platform.start(settings.project(), settings.version(), environment, say, false,
					production, settings.ingestReplicas())) {
				withoutCaches = first.coldStart();
				say.accept("Platform ready without AOT caches in " + withoutCaches.toSeconds() + " s");
			}
		}
		try (Platform platform = Platform.start(settings.project(), settings.version(), environment, say, aotCaches,
				production, settings.ingestReplicas())) {
			say.accept("Platform ready in " + platform.coldStart().toSeconds() + " s");
			platform.keepLogsIn(settings.output().resolve("logs"));
			Http http = new Http();
			Elasticsearch elasticsearch = new Elasticsearch(http, platform.elasticsearchUrl());
			versions = Versions.of(settings, source, elasticsearch.version(), nginxVersion, wrkVersion);
			FlightRecorder profiler = FlightRecorder.of(settings.output().resolve("jfr"), settings.profile());
			Context context = new Context(platform, http, elasticsearch, wrk, profiler, scratch, settings.readLoad(),
					say);
			Map<String, Long> services = platform.processes().services();

			new WarmUp(context, settings.demoLines()).run();
			pause(settings.idle());
			Map<String, Long> idle = new LinkedHashMap<>();
			services.forEach((service, pid) -> idle.put(service, Processes.residentBytes(pid)));
			loads.put("before the scenarios (platform idle)", Machine.Load.now());

			ArticleLines articles = ArticleLines.fromDemoCatalog(SEED);
			Map<String, Long> peaks;
			try (MemorySampler sampler = MemorySampler.start(services, Duration.ofMillis(500));
					Nginx nginx = Nginx.start(scratch.resolve("nginx"),
							Map.of(Proxying.PATH, port(platform.counterServiceUrl())))) {
				if (settings.runs("indexing")) {
					results.add(attempt("indexing throughput", say, () -> new Indexing(context, articles,
							settings.articles(), settings.articleBytes(), settings.bulkSize())
						.run()));
				}
				if (settings.runs("reindex")) {
					results
						.add(attempt("reindex by replay", say, () -> new Reindex(context, settings.bulkSize()).run()));
				}
				if (settings.runs("freshness")) {
					results.add(
							attempt("freshness", say,
									() -> new Freshness(context, articles, settings.writesPerSecond(),
											settings.freshness(), settings.articleBytes(), settings.jitSettle())
										.run()));
					int lower = Math.max(1, settings.writesPerSecond() / 5);
					results.add(attempt("freshness at " + lower + " writes/s", say,
							() -> Freshness
								.reference(context, articles, lower, settings.freshness(), settings.articleBytes())
								.run()));
				}
				if (settings.runs("search")) {
					results.add(attempt("search", say, () -> new Search(context).run()));
				}
				if (settings.runs("proxying")) {
					results.add(attempt("gateway proxying", say, () -> new Proxying(context, nginx).run()));
				}
				if (settings.runs("home")) {
					results.add(attempt("home page data", say, () -> new HomePage(context, nginx).run()));
				}
				peaks = sampler.peaks();
			}
			Map<String, Long> highWater = new LinkedHashMap<>();
			services.forEach((service, pid) -> highWater.put(service, Processes.peakResidentBytes(pid)));
			Map<String, Long> engines = new LinkedHashMap<>();
			platform.processes().components().forEach((component, pids) -> {
				if (component.equals("kafka") || component.equals("elasticsearch")) {
					engines.put(component, pids.stream().mapToLong(Processes::residentBytes).sum());
				}
			});
			results
				.add(Footprint.of(new Footprint.ColdStart(platform.coldStart(), platform.aotTraining(), withoutCaches),
						idle, peaks, highWater, engines, (production != null) ? production.heapMegabytes() : Map.of()));
			loads.put("at the end", Machine.Load.now());
			say.accept("Stopping the platform");
		}
		finally {
			deleteRecursively(scratch);
		}
		notes.add("Load generators: wrk (a separate process) for the HTTP reads; this JVM for the import, the "
				+ "single writes, the search polling and the raw `_bulk` loads. Every service, Kafka, Elasticsearch, "
				+ "nginx and the load generators share the same " + Runtime.getRuntime().availableProcessors()
				+ " cores.");
		RunReport report = new RunReport(settings.preset(), started, Instant.now(), settings.command(),
				settings.describe(), Machine.current(), loads, versions, results, notes);
		MarkdownReport.write(report, settings.report());
		MarkdownReport.writeJson(report, settings.output().resolve("results.json"));
		// Beside the Markdown too (docs/performance.json), for tools that track the
		// figures.
		String name = settings.report().getFileName().toString().replaceFirst("\\.md$", "") + ".json";
		MarkdownReport.writeJson(report, settings.report().resolveSibling(name));
		return report;
	}

	/** Waits, within the settings' limit, for the one-minute load average to fall. */
	private static Machine.Load awaitQuiet(BenchmarkSettings settings, Consumer<String> say) {
		long deadline = System.nanoTime() + settings.quietWait().toNanos();
		Machine.Load load = Machine.Load.now();
		while (load.one() > settings.quietLoad() && System.nanoTime() < deadline) {
			say.accept("Load average " + load + " is above " + settings.quietLoad() + "; waiting for a quieter moment");
			pause(Duration.ofSeconds(20));
			load = Machine.Load.now();
		}
		return load;
	}

	private static ScenarioResult attempt(String name, Consumer<String> say, Scenario scenario) {
		try {
			ScenarioResult result = scenario.run();
			say.accept(name + ": done");
			return result;
		}
		catch (Exception ex) {
			say.accept(name + " FAILED: " + ex);
			ex.printStackTrace();
			Outcome failed = new Outcome(name, "", 0, null, null, "failed", "—", "—", false,
					"the scenario failed: " + firstLine(String.valueOf(ex.getMessage())));
			return new ScenarioResult(name, List.of(failed), Map.of("failure", String.valueOf(ex)), Map.of(), List.of(),
					Map.of());
		}
	}

	private static String firstLine(String message) {
		String line = message.lines().findFirst().orElse("");
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

	private static int port(String url) {
		return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
	}

	private static Path scratch() {
		try {
			Path scratch = Files.createTempDirectory("chancery-benchmarks-work-");
			// nginx's unprivileged workers must pass through it to their static files.
			Files.setPosixFilePermissions(scratch,
					java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
			return scratch;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Could not delete " + directory + ": " + ex.getMessage());
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A scenario to attempt. */
	@FunctionalInterface
	private interface Scenario {

		ScenarioResult run() throws Exception;

	}

}
