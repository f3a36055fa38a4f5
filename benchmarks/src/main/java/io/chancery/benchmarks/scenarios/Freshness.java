package io.chancery.benchmarks.scenarios;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.chancery.benchmarks.content.ArticleLines;
import io.chancery.benchmarks.http.Http;
import io.chancery.benchmarks.load.Latencies;
import io.chancery.benchmarks.load.LatencySummary;
import io.chancery.benchmarks.platform.Processes;
import io.chancery.benchmarks.profiling.FlightRecorder;
import io.chancery.benchmarks.report.Format;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.ScenarioResult;
import tools.jackson.databind.JsonNode;

/**
 * Freshness: articles published one by one through the gateway at a steady rate (an open
 * loop: a request leaves every 1/rate seconds whatever the answers do), while a reader
 * polls the gateway's search for them; each article's time from the moment its publish
 * request left to the first search answer that lists it goes into an HDR histogram. The
 * index refreshes every second, which is the floor.
 */
public final class Freshness {

	static final String NAME = "freshness";

	private static final int MAX_IN_FLIGHT = 512;

	private static final int WARM_UP_WRITERS = 16;

	private static final Duration STRAGGLERS = Duration.ofSeconds(30);

	private final Context context;

	private final ArticleLines articles;

	private final int perSecond;

	private final Duration duration;

	private final int articleBytes;

	private final String name;

	private final boolean reference;

	/** The scenario: its rate, its targets, after a warm-up of the write path. */
	public Freshness(Context context, ArticleLines articles, int perSecond, Duration duration, int articleBytes) {
		this(context, articles, perSecond, duration, articleBytes, NAME, false);
	}

	private Freshness(Context context, ArticleLines articles, int perSecond, Duration duration, int articleBytes,
			String name, boolean reference) {
		this.context = context;
		this.articles = articles;
		this.perSecond = perSecond;
		this.duration = duration;
		this.articleBytes = articleBytes;
		this.name = name;
		this.reference = reference;
	}

	/**
	 * The same measurement at a lower rate, without a target: what the pipeline adds to
	 * the refresh interval when the machine is not saturated, to tell the pipeline's own
	 * latency from queueing for the cores.
	 */
	public static Freshness reference(Context context, ArticleLines articles, int perSecond, Duration duration,
			int articleBytes) {
		return new Freshness(context, articles, perSecond, duration, articleBytes,
				NAME + " at " + perSecond + " writes/s", true);
	}

	public ScenarioResult run() throws InterruptedException {
		String tag = "freshness-" + Long.toString(System.currentTimeMillis(), 36);
		int total = (int) (this.perSecond * this.duration.toSeconds());
		this.context.say(this.name + ": " + total + " articles at " + this.perSecond + " a second for "
				+ this.duration.toSeconds() + " s, polling search for each");
		String gateway = this.context.platform().gatewayUrl();
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		Map<String, Long> visibleAfter = new ConcurrentHashMap<>();
		Latencies writes = new Latencies();
		Latencies freshness = new Latencies();
		AtomicInteger failed = new AtomicInteger();
		AtomicInteger overCapacity = new AtomicInteger();
		AtomicInteger number = new AtomicInteger();
		AtomicLong polls = new AtomicLong();
		Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
		List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

		if (!this.reference) {
			warmUp(tag + "-warm-up", this.context.load().warmup().multipliedBy(3));
		}

		Processes.CpuSnapshot before = this.context.cpu();
		FlightRecorder.Recording recording = this.context.profiler()
			.start(this.reference ? "freshness-reference" : "freshness",
					Indexing.pick(this.context.services(), "web-gateway", "ingest-service", "search-service"));
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
		long started = System.nanoTime();
		long writesEnd = started + this.duration.toNanos();
		scheduler.scheduleAtFixedRate(() -> {
			int n = number.incrementAndGet();
			if (n > total) {
				return;
			}
			if (!inFlight.tryAcquire()) {
				overCapacity.incrementAndGet();
				return;
			}
			String id = (this.reference ? "fresh-reference-" : "fresh-") + n;
			String body = this.articles.request(n, id, tag, OffsetDateTime.now(ZoneOffset.UTC), this.articleBytes);
			HttpRequest request = Http.request(gateway + "/api/v1/articles")
				.timeout(Duration.ofSeconds(30))
				.header("X-Api-Key", this.context.platform().editorKey())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			long sent = System.nanoTime();
			sentAt.put(id, sent);
			this.context.http()
				.client()
				.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, failure) -> {
					inFlight.release();
					writes.recordNanos(System.nanoTime() - sent);
					if (failure != null || response.statusCode() != 201) {
						sentAt.remove(id);
						failed.incrementAndGet();
						if (errors.size() < 5) {
							errors.add((failure != null) ? failure.toString()
									: response.statusCode() + " " + Http.abbreviate(response.body()));
						}
					}
				});
		}, 0, 1_000_000_000L / this.perSecond, TimeUnit.NANOSECONDS);

		// The reader: newest first, a page of 100, as fast as answers come.
		String poll = gateway + "/api/v1/search?tag=" + tag + "&order=newest&size=100";
		AtomicInteger pollErrors = new AtomicInteger();
		long finished;
		Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
		Map<String, List<String>> profiles;
		try {
			while (true) {
				long now = System.nanoTime();
				boolean writing = now < writesEnd || number.get() < total;
				if (!writing && (visibleAfter.size() >= sentAt.size() || now > writesEnd + STRAGGLERS.toNanos())) {
					break;
				}
				HttpResponse<String> answer;
				try {
					answer = this.context.http().send(Http.request(poll).timeout(Duration.ofSeconds(30)).GET().build());
				}
				catch (java.io.UncheckedIOException ex) {
					// A poll that times out is a reader's experience too; keep reading.
					polls.incrementAndGet();
					if (pollErrors.incrementAndGet() <= 3) {
						errors.add("poll " + ex.getCause());
					}
					continue;
				}
				long answered = System.nanoTime();
				polls.incrementAndGet();
				if (answer.statusCode() != 200) {
					// A slow or failed poll is a reader's experience too: the articles it
					// would have shown are seen later.
					if (pollErrors.incrementAndGet() <= 3) {
						errors.add("poll " + answer.statusCode() + " " + Http.abbreviate(answer.body()));
					}
					continue;
				}
				for (JsonNode result : Http.JSON.readTree(answer.body()).path("results")) {
					String id = result.path("id").asString();
					Long sent = sentAt.get(id);
					if (sent != null && visibleAfter.putIfAbsent(id, answered - sent) == null) {
						freshness.recordNanos(answered - sent);
					}
				}
				Thread.sleep(10);
			}
		}
		finally {
			finished = System.nanoTime();
			scheduler.shutdownNow();
			scheduler.awaitTermination(10, TimeUnit.SECONDS);
			cpu.put("chancery", this.context.cpu().since(before));
			profiles = recording.stop();
		}

		long published = sentAt.size();
		long missing = published - visibleAfter.size();
		double rate = (total - overCapacity.get() - failed.get()) / (this.duration.toNanos() / 1e9);
		LatencySummary visible = freshness.summary();
		LatencySummary write = writes.summary();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("planned", total);
		details.put("published", published);
		details.put("failed", failed.get());
		details.put("notSentOverCapacity", overCapacity.get());
		details.put("neverSeen", missing);
		details.put("achievedWritesPerSecond", rate);
		details.put("polls", polls.get());
		details.put("pollErrors", pollErrors.get());
		details.put("pollsPerSecond", polls.get() / ((finished - started) / 1e9));
		details.put("visibleMillis", visible);
		details.put("writeMillis", write);
		details.put("errors", errors);
		List<String> raw = new ArrayList<>();
		raw.add("| | count | p50 | p90 | p99 | p99.9 | max |");
		raw.add("|---|---|---|---|---|---|---|");
		raw.add(row("publish → visible in search", visible));
		raw.add(row("publish request answered (201)", write));
		raw.add("");
		raw.add(Format.whole(published) + " published of " + Format.whole(total) + " planned (" + failed.get()
				+ " failed, " + overCapacity.get() + " not sent with " + MAX_IN_FLIGHT + " in flight), "
				+ Format.decimal(rate, 1) + " writes/s achieved; " + missing + " never seen within "
				+ STRAGGLERS.toSeconds() + " s; " + Format.whole(polls.get()) + " search polls, " + pollErrors.get()
				+ " of them failed (" + Format.decimal(polls.get() / ((finished - started) / 1e9), 0) + " a second).");
		String note = "articles of about " + Format.whole(this.articleBytes)
				+ " B published with `POST /api/v1/articles` " + "through the gateway at " + this.perSecond + "/s for "
				+ this.duration.toSeconds()
				+ " s (open loop from this JVM); visible = first `GET /api/v1/search?tag=…&order=newest` answer "
				+ "listing it, polled back to back; write answered p50 " + Format.decimal(write.p50(), 1) + " ms, p99 "
				+ Format.decimal(write.p99(), 1) + " ms"
				+ ((missing > 0 || failed.get() > 0)
						? "; " + failed.get() + " writes failed, " + missing + " never seen" : "")
				+ ((pollErrors.get() > 0) ? "; " + pollErrors.get() + " search polls failed" : "");
		String floor = "refresh interval 1 s (the floor)";
		List<Outcome> outcomes;
		if (this.reference) {
			String text = "p50 " + Format.decimal(visible.p50() / 1000.0, 2) + " s, p99 "
					+ Format.decimal(visible.p99() / 1000.0, 2) + " s";
			outcomes = List.of(new Outcome(this.name, "s", visible.p50() / 1000.0, 1.0, null, text, floor,
					"— (reference: below saturation)", null, note));
		}
		else {
			outcomes = List.of(
					Outcome.atMost(NAME + " p50", "s", visible.p50() / 1000.0, 1.0, 1.0,
							Format.decimal(visible.p50() / 1000.0, 2) + " s", floor, "p50 ≤ 1.0 s", note),
					Outcome.atMost(NAME + " p99", "s", visible.p99() / 1000.0, 1.0, 1.2,
							Format.decimal(visible.p99() / 1000.0, 2) + " s", floor, "p99 ≤ 1.2 s", ""));
			if (missing > 0 || failed.get() > 0 || published == 0) {
				outcomes = outcomes.stream().map(Search::failed).toList();
			}
		}
		return new ScenarioResult(this.name, outcomes, details, cpu, raw, profiles);
	}

	private static String row(String what, LatencySummary latency) {
		return "| " + what + " | " + Format.whole(latency.count()) + " | " + ms(latency.p50()) + " | "
				+ ms(latency.p90()) + " | " + ms(latency.p99()) + " | " + ms(latency.p999()) + " | " + ms(latency.max())
				+ " |";
	}

	private static String ms(double millis) {
		return Format.decimal(millis, 1) + " ms";
	}

	/**
	 * Single writes through the gateway from {@value #WARM_UP_WRITERS} closed-loop
	 * writers, unmeasured, so the write path is compiled before the measured run (it
	 * reaches its speed only after a minute or more of load otherwise), then a pause for
	 * search-service to index them.
	 */
	private void warmUp(String tag, Duration duration) throws InterruptedException {
		this.context.say("Freshness: warming the write path up for " + duration.toSeconds() + " s");
		String gateway = this.context.platform().gatewayUrl();
		long end = System.nanoTime() + duration.toNanos();
		AtomicInteger written = new AtomicInteger();
		List<Thread> writers = new ArrayList<>();
		for (int w = 0; w < WARM_UP_WRITERS; w++) {
			int writer = w;
			writers.add(Thread.ofVirtual().start(() -> {
				for (int n = 0; System.nanoTime() < end; n++) {
					String id = "warm-" + writer + "-" + n;
					String body = this.articles.request(n, id, tag, OffsetDateTime.now(ZoneOffset.UTC),
							this.articleBytes);
					try {
						this.context.http()
							.client()
							.send(Http.request(gateway + "/api/v1/articles/" + id + "/en")
								.timeout(Duration.ofSeconds(30))
								.header("X-Api-Key", this.context.platform().editorKey())
								.header("Content-Type", "application/json")
								.PUT(HttpRequest.BodyPublishers.ofString(body))
								.build(), HttpResponse.BodyHandlers.discarding());
						written.incrementAndGet();
					}
					catch (java.io.IOException ex) {
						// A warm-up write that fails still warmed something up.
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}));
		}
		for (Thread writer : writers) {
			writer.join();
		}
		this.context.say("Freshness: " + written.get() + " warm-up writes; letting search-service catch up");
		Thread.sleep(5_000);
	}

}
