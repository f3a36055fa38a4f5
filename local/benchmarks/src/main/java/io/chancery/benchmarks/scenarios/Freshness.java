package io.chancery.benchmarks.scenarios;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.chancery.benchmarks.content.ArticleLines;
import io.chancery.benchmarks.elasticsearch.Elasticsearch;
import io.chancery.benchmarks.http.Http;
import io.chancery.benchmarks.load.LatencySummary;
import io.chancery.benchmarks.platform.Processes;
import io.chancery.benchmarks.platform.MachineTimes;
import io.chancery.benchmarks.platform.ServerTimers;
import io.chancery.benchmarks.platform.TcpCounters;
import io.chancery.benchmarks.profiling.FlightRecorder;
import io.chancery.benchmarks.report.Format;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.ScenarioResult;

/**
 * Freshness: articles published one by one through the gateway at a steady rate (an open
 * loop: a request leaves every 1/rate seconds whatever the answers do), while a reader
 * asks the gateway's search at a fixed pace for every article published since the oldest
 * one it has not seen; each article's time from the moment its publish request left to
 * the first search answer that lists it goes into an HDR histogram, and every write is
 * counted as accepted, refused, timed out, failed, or accepted and never visible. The
 * index refreshes every second, which is the floor.
 */
public final class Freshness {

	static final String NAME = "freshness";

	/** How often the reader asks, as a page polling for news would. */
	static final Duration POLL_EVERY = Duration.ofMillis(100);

	/** ingest-service's summary of the changes each Kafka transaction carries. */
	private static final String TRANSACTION_CHANGES = "chancery_ingest_transaction_changes";

	/** An accepted article not visible this long after its request is counted as lost. */
	static final Duration NOT_VISIBLE_AFTER = Duration.ofSeconds(10);

	/** A write without an answer this long is counted as timed out. */
	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

	private final Context context;

	private final ArticleLines articles;

	private final int perSecond;

	private final Duration duration;

	private final int articleBytes;

	private final String name;

	private final boolean reference;

	/** How much longer the warm-up may go on for the JIT compilers to settle. */
	private final Duration jitSettle;

	/** The scenario: its rate, its targets, after a warm-up of the write path. */
	public Freshness(Context context, ArticleLines articles, int perSecond, Duration duration, int articleBytes,
			Duration jitSettle) {
		this(context, articles, perSecond, duration, articleBytes, NAME, false, jitSettle);
	}

	private Freshness(Context context, ArticleLines articles, int perSecond, Duration duration, int articleBytes,
			String name, boolean reference, Duration jitSettle) {
		this.context = context;
		this.articles = articles;
		this.perSecond = perSecond;
		this.duration = duration;
		this.articleBytes = articleBytes;
		this.name = name;
		this.reference = reference;
		this.jitSettle = jitSettle;
	}

	/**
	 * The same measurement at a lower rate, without a target: what the pipeline adds to
	 * the refresh interval when the machine is not saturated, to tell the pipeline's own
	 * latency from queueing for the cores.
	 */
	public static Freshness reference(Context context, ArticleLines articles, int perSecond, Duration duration,
			int articleBytes) {
		return new Freshness(context, articles, perSecond, duration, articleBytes,
				NAME + " at " + perSecond + " writes/s", true, Duration.ZERO);
	}

	public ScenarioResult run() throws InterruptedException {
		String tag = "freshness-" + Long.toString(System.currentTimeMillis(), 36);
		int total = (int) (this.perSecond * this.duration.toSeconds());
		this.context.say(this.name + ": " + total + " articles at " + this.perSecond + " a second for "
				+ this.duration.toSeconds() + " s, reading search every " + POLL_EVERY.toMillis() + " ms for them");
		if (!this.reference) {
			Duration warmup = this.context.load().warmup();
			new FreshnessWarmUp(this.context, this::load).run(tag + "-warm-up", warmup.multipliedBy(3), warmup,
					this.jitSettle);
		}
		FreshnessWrites writes = new FreshnessWrites();
		FreshnessReader reader = new FreshnessReader(this.context, tag, writes);
		// The gateway tags a write it passes on with its route (ingest-writes), one it
		// refuses before routing with none (UNKNOWN); in this phase its only POSTs are
		// the
		// writes.
		ServerTimers timers = new ServerTimers(this.context.platform(), this.context.http(), "POST",
				java.util.Set.of("/api/v1/articles", "ingest-writes", "UNKNOWN"));
		List<String> writers = new ArrayList<>(
				Indexing.pick(this.context.services(), "web-gateway", "ingest-service").keySet());
		Map<String, ServerTimers.Reading> timersBefore = timers.read(writers);
		Map<String, ServerTimers.Reading> transactionsBefore = timers.summaries(TRANSACTION_CHANGES, writers);
		List<String> compiled = new ArrayList<>(
				Indexing.pick(this.context.services(), "web-gateway", "ingest-service", "search-service").keySet());
		Map<String, Double> compilingBefore = timers.totals(FreshnessWarmUp.COMPILATION, compiled);
		Map<String, Long> tcpBefore = TcpCounters.read();
		MachineTimes.Snapshot machineBefore = MachineTimes.read();
		Map<String, Elasticsearch.Work> indicesBefore = indexWork();
		Processes.CpuSnapshot before = this.context.cpu();
		FlightRecorder.Recording recording = this.context.profiler()
			.start(this.reference ? "freshness-reference" : "freshness",
					Indexing.pick(this.context.services(), "web-gateway", "ingest-service", "search-service"));
		long started = System.nanoTime();
		Running running = start(tag, this.reference ? "fresh-reference-" : "fresh-", total, writes, reader);
		Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
		Map<String, List<String>> profiles;
		String insideServices;
		String transactions;
		String jit;
		String tcp;
		String machine;
		String indices;
		long finished;
		try {
			long writesEnd = started + this.duration.toNanos();
			while (System.nanoTime() < writesEnd || running.sent() < total || writes.unanswered() > 0
					|| (writes.unseen() > 0 && System.nanoTime() < writesEnd + NOT_VISIBLE_AFTER.toNanos())) {
				Thread.sleep(POLL_EVERY.toMillis());
				if (System.nanoTime() > writesEnd + WRITE_TIMEOUT.toNanos() + NOT_VISIBLE_AFTER.toNanos()) {
					break;
				}
			}
		}
		finally {
			finished = System.nanoTime();
			running.stop();
			cpu.put("chancery", this.context.cpu().since(before));
			profiles = recording.stop();
			insideServices = ServerTimers.describe(timersBefore, timers.read(writers));
			transactions = ServerTimers.describeMean(transactionsBefore, timers.summaries(TRANSACTION_CHANGES, writers),
					"changes", "transaction");
			Map<String, Double> compilingAfter = timers.totals(FreshnessWarmUp.COMPILATION, compiled);
			jit = Format.decimal(FreshnessWarmUp.compiling(compilingBefore, compilingAfter), 1) + " s ("
					+ FreshnessWarmUp.describe(compilingBefore, compilingAfter) + ")";
			tcp = TcpCounters.describe(tcpBefore, TcpCounters.read());
			machine = MachineTimes.describe(machineBefore, MachineTimes.read(),
					Runtime.getRuntime().availableProcessors());
			Map<String, Elasticsearch.Work> indicesAfter = indexWork();
			indices = indicesAfter.entrySet()
				.stream()
				.map((entry) -> entry.getKey() + ": "
						+ entry.getValue().since(indicesBefore.get(entry.getKey())).describe())
				.collect(java.util.stream.Collectors.joining("; "));
		}
		return result(writes, reader, cpu.get("chancery"), cpu, profiles, (finished - started) / 1e9, insideServices,
				transactions, jit, tcp, machine, indices);
	}

	/**
	 * What Elasticsearch has done so far on each of the two indices a write goes to: the
	 * content readers search, refreshed every second, and the editorial record, refreshed
	 * only while it is read.
	 */
	private Map<String, Elasticsearch.Work> indexWork() {
		Elasticsearch elasticsearch = this.context.elasticsearch();
		Map<String, Elasticsearch.Work> work = new LinkedHashMap<>();
		work.put("content", elasticsearch.work("content"));
		work.put("editorial record", elasticsearch.work("revisions"));
		return work;
	}

	/**
	 * The phase's load without its measurement: articles at the phase's rate and the
	 * reader at its pace, for {@code duration}; for the warm-up, so that it compiles the
	 * very paths the phase takes.
	 * @return what became of the writes
	 */
	private FreshnessWrites load(String tag, String ids, Duration duration) throws InterruptedException {
		FreshnessWrites writes = new FreshnessWrites();
		Running running = start(tag, ids, this.perSecond * duration.toSeconds(), writes,
				new FreshnessReader(this.context, tag, writes));
		try {
			Thread.sleep(duration);
		}
		finally {
			running.stop();
		}
		return writes;
	}

	/**
	 * Starts {@code total} writes at the scenario's rate and the reader at its pace. The
	 * reader keeps its pace whatever the answers do, as a page would; a poll that
	 * overruns its slot delays the next one, and the count of polls shows it.
	 */
	private Running start(String tag, String ids, long total, FreshnessWrites writes, FreshnessReader reader) {
		Running running = new Running(Executors.newSingleThreadScheduledExecutor(),
				Executors.newSingleThreadScheduledExecutor(), new AtomicInteger());
		running.writer().scheduleAtFixedRate(() -> {
			int n = running.number().incrementAndGet();
			if (n <= total) {
				write(ids, n, tag, writes);
			}
		}, 0, 1_000_000_000L / this.perSecond, TimeUnit.NANOSECONDS);
		running.polling()
			.scheduleAtFixedRate(reader::poll, POLL_EVERY.toMillis(), POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS);
		return running;
	}

	/** The writer and the reader of a stretch of load, and how many writes it started. */
	private record Running(ScheduledExecutorService writer, ScheduledExecutorService polling, AtomicInteger number) {

		int sent() {
			return this.number.get();
		}

		void stop() throws InterruptedException {
			this.writer.shutdownNow();
			this.polling.shutdownNow();
			this.writer.awaitTermination(10, TimeUnit.SECONDS);
			this.polling.awaitTermination(10, TimeUnit.SECONDS);
		}

	}

	/** Sends one article, without waiting for its answer. */
	private void write(String ids, int n, String tag, FreshnessWrites writes) {
		String id = ids + n;
		// Whole milliseconds, as the article carries them, so the reader can ask from it.
		Instant publishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String body = this.articles.request(n, id, tag, publishedAt.atOffset(ZoneOffset.UTC), this.articleBytes);
		HttpRequest request = Http.request(this.context.platform().gatewayUrl() + "/api/v1/articles")
			.timeout(WRITE_TIMEOUT)
			.header("X-Api-Key", this.context.platform().editorKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long sent = writes.sent(id, publishedAt);
		this.context.http()
			.client()
			.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.whenComplete((response, failure) -> writes.answered(id, sent, response, failure));
	}

	private ScenarioResult result(FreshnessWrites writes, FreshnessReader reader, Map<String, Double> cpuUsed,
			Map<String, Map<String, Double>> cpu, Map<String, List<String>> profiles, double seconds,
			String insideServices, String transactions, String jit, String tcp, String machine, String indices) {
		LatencySummary visible = writes.visible.summary();
		LatencySummary answered = writes.latencies.summary();
		int accepted = writes.accepted.get();
		int offered = writes.offered.get();
		long notVisible = writes.unseen();
		double acceptedShare = (offered > 0) ? (double) accepted / offered : 0;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("offered", offered);
		details.put("accepted", accepted);
		details.put("refused", writes.refused.get());
		details.put("timedOut", writes.timedOut.get());
		details.put("failed", writes.failed.get());
		details.put("answeredAfter2s", writes.slow.get());
		details.put("notVisible", notVisible);
		details.put("polls", reader.polls.get());
		details.put("pages", reader.pages.get());
		details.put("pollErrors", reader.errors.get());
		details.put("visibleMillis", visible);
		details.put("writeMillis", answered);
		details.put("errors", writes.errors);
		Map<String, Double> cpuPerWrite = new LinkedHashMap<>();
		cpuUsed.forEach((component, used) -> {
			if (!component.equals("wall") && accepted > 0) {
				cpuPerWrite.put(component, used * 1000 / accepted);
			}
		});
		details.put("cpuMillisPerAcceptedWrite", cpuPerWrite);
		List<String> raw = new ArrayList<>();
		raw.add("| | count | p50 | p90 | p99 | p99.9 | max |");
		raw.add("|---|---|---|---|---|---|---|");
		raw.add(row("publish → visible in search", visible));
		raw.add(row("publish request answered", answered));
		raw.add("");
		raw.add(Format.whole(offered) + " offered, " + Format.whole(accepted) + " accepted (201), "
				+ writes.refused.get() + " refused (503 or 429), " + writes.timedOut.get() + " timed out after "
				+ WRITE_TIMEOUT.toSeconds() + " s, " + writes.failed.get() + " failed otherwise; " + writes.slow.get()
				+ " answered after 2 s; " + notVisible + " accepted but not visible within "
				+ NOT_VISIBLE_AFTER.toSeconds() + " s. " + Format.whole(reader.polls.get()) + " polls ("
				+ Format.decimal(reader.polls.get() / seconds, 1) + " a second, " + Format.whole(reader.pages.get())
				+ " pages), " + reader.errors.get() + " failed.");
		raw.add("");
		raw.add("CPU per accepted write: " + cpuPerWrite.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.map((entry) -> entry.getKey() + " " + Format.decimal(entry.getValue(), 2) + " ms")
			.collect(java.util.stream.Collectors.joining(", ")) + ".");
		if (!insideServices.isEmpty()) {
			raw.add("");
			raw.add("Time inside each process, by its own `http.server.requests` timer for `POST /api/v1/articles` "
					+ "(from when its code saw the request to its answer; a write passed on to its partition's owner "
					+ "counts at both replicas; slowest of the last minutes): " + insideServices + ".");
			details.put("insideServices", insideServices);
		}
		if (!transactions.isEmpty()) {
			raw.add("");
			raw.add("Kafka transactions of ingest-service's replicas (`chancery.ingest.transaction.changes`): "
					+ transactions + ".");
			details.put("transactions", transactions);
		}
		raw.add("");
		raw.add("The JIT compilers of the services on the write path spent " + jit + " compiling during the phase "
				+ "(`jvm.compilation.time`): work a service does in its first minutes, not for each write");
		details.put("jit", jit);
		if (!machine.isEmpty()) {
			raw.add("");
			raw.add("The machine during the phase: " + machine + ".");
			details.put("machine", machine);
		}
		raw.add("");
		raw.add("Elasticsearch's own work during the phase, by index (`_stats`): " + indices + ".");
		details.put("indices", indices);
		if (!tcp.isEmpty()) {
			raw.add("");
			raw.add("The kernel meanwhile, machine-wide: " + tcp
					+ " (a SYN dropped because a listening socket's accept "
					+ "queue was full is sent again after 1 s, then 3 s, then 7 s).");
			details.put("tcp", tcp);
		}
		String note = "articles of about " + Format.whole(this.articleBytes)
				+ " B published with `POST /api/v1/articles` through the gateway at " + this.perSecond + "/s for "
				+ this.duration.toSeconds() + " s (open loop from this JVM); visible = first search answer listing it, "
				+ "the reader asking every " + POLL_EVERY.toMillis()
				+ " ms for the run's articles published since the oldest not yet seen; " + Format.whole(offered)
				+ " offered, " + Format.whole(accepted) + " accepted, " + writes.refused.get() + " refused, "
				+ writes.timedOut.get() + " timed out, " + notVisible + " not visible; write answered p50 "
				+ Format.decimal(answered.p50(), 1) + " ms, p99 " + Format.decimal(answered.p99(), 1) + " ms, max "
				+ Format.decimal(answered.max(), 1) + " ms";
		String floor = "refresh interval 1 s (the floor)";
		List<Outcome> outcomes;
		if (this.reference) {
			String text = "p50 " + Format.decimal(visible.p50() / 1000.0, 2) + " s, p99 "
					+ Format.decimal(visible.p99() / 1000.0, 2) + " s";
			outcomes = List.of(new Outcome(this.name, "s", visible.p50() / 1000.0, 1.0, null, text, floor,
					"— (reference: below saturation)", null, note));
		}
		else {
			boolean complete = notVisible == 0 && accepted > 0;
			outcomes = new ArrayList<>(List.of(
					Outcome.atMost(NAME + " p50", "s", visible.p50() / 1000.0, 1.0, 1.0,
							Format.decimal(visible.p50() / 1000.0, 2) + " s", floor, "p50 ≤ 1.0 s", note),
					Outcome.atMost(NAME + " p99", "s", visible.p99() / 1000.0, 1.0, 1.5,
							Format.decimal(visible.p99() / 1000.0, 2) + " s", floor, "p99 ≤ 1.5 s", "")));
			if (!complete) {
				outcomes = new ArrayList<>(outcomes.stream().map(Search::failed).toList());
			}
			outcomes.add(new Outcome(NAME + ", writes accepted", "%", acceptedShare * 100, null, null,
					Format.decimal(acceptedShare * 100, 1) + " % of " + Format.whole(offered), "—", "≥ 99 %",
					acceptedShare >= 0.99, ""));
			outcomes.add(Outcome.atMost(NAME + ", slowest write answer", "ms", answered.max(), null, 2000,
					Format.decimal(answered.max(), 0) + " ms (p99 " + Format.decimal(answered.p99(), 0) + " ms)", "—",
					"every write answered within 2 s", ""));
			double ingest = cpuPerWrite.entrySet()
				.stream()
				.filter((entry) -> Processes.serviceOf(entry.getKey()).equals("ingest-service"))
				.mapToDouble(Map.Entry::getValue)
				.sum();
			outcomes.add(Outcome.atMost(NAME + ", ingest-service CPU per write", "ms", ingest, null, 1.5,
					Format.decimal(ingest, 2) + " ms (all replicas)", "—", "≤ 1.5 ms", ""));
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

}
