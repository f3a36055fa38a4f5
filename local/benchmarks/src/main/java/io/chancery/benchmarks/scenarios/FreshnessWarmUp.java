package io.chancery.benchmarks.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chancery.benchmarks.platform.ServerTimers;
import io.chancery.benchmarks.report.Format;

/**
 * The freshness scenario's unmeasured start: the phase's own load (the same writes at the
 * same rate, the same reader) until the services have compiled what it runs, then a wait
 * for search to have indexed it, so the measured writes neither pay for the JIT nor queue
 * behind the warm-up's.
 * <p>
 * "Compiled" is read from the services, not assumed: on two shared cores the JIT
 * compilers of the gateway and ingest-service were still busy for most of a measured
 * minute after half a minute of warm-up, as busy as their request threads, and that CPU
 * was counted against every write. The warm-up therefore goes on, round by round, until
 * the compilers of the services on the phase's paths together spent less than 15 % of a
 * round, or its time runs out.
 */
final class FreshnessWarmUp {

	private static final int CATCH_UP_SECONDS = 30;

	private static final int SETTLE_SECONDS = 5;

	/** The JVMs' own counter of time spent compiling, in milliseconds. */
	static final String COMPILATION = "jvm_compilation_time_ms_total";

	/**
	 * Compiler time over a round's time, all services together, below which it is done.
	 */
	private static final double SETTLED = 0.15;

	private final Context context;

	private final Load load;

	FreshnessWarmUp(Context context, Load load) {
		this.context = context;
		this.load = load;
	}

	/**
	 * The phase's load for {@code first}, then in rounds of {@code round} for at most
	 * {@code longer} until the services' JIT compilers have settled; then a pause for
	 * search-service to index it.
	 */
	void run(String tag, Duration first, Duration round, Duration longer) throws InterruptedException {
		this.context
			.say("Freshness: warming up with the phase's own load for " + first.toSeconds() + " s" + (longer.isZero()
					? ""
					: ", then until the services' JIT compilers settle (at most " + longer.toSeconds() + " s more)"));
		List<String> services = new ArrayList<>(
				Indexing.pick(this.context.services(), "web-gateway", "ingest-service", "search-service").keySet());
		ServerTimers meters = new ServerTimers(this.context.platform(), this.context.http(), "POST", Set.of());
		int accepted = this.load.run(tag, "warm-0-", first).accepted.get();
		long stop = System.nanoTime() + longer.toNanos();
		Map<String, Double> before = meters.totals(COMPILATION, services);
		for (int n = 1; !longer.isZero(); n++) {
			long started = System.nanoTime();
			accepted += this.load.run(tag, "warm-" + n + "-", round).accepted.get();
			Map<String, Double> after = meters.totals(COMPILATION, services);
			double seconds = (System.nanoTime() - started) / 1e9;
			double compiling = compiling(before, after);
			this.context
				.say("Freshness: warm-up round " + n + ", the JIT compilers busy " + Format.decimal(compiling, 1)
						+ " s of " + Format.decimal(seconds, 1) + " s (" + describe(before, after) + ")");
			before = after;
			if (compiling < SETTLED * seconds) {
				break;
			}
			if (System.nanoTime() > stop) {
				this.context.say("Freshness: the JIT compilers had not settled when the warm-up's time ran out");
				break;
			}
		}
		this.context.say("Freshness: " + accepted + " warm-up writes; letting search-service catch up");
		awaitSearchable(tag, accepted);
	}

	/** Seconds the compilers of all these processes spent between two readings. */
	static double compiling(Map<String, Double> before, Map<String, Double> after) {
		double millis = 0;
		for (Map.Entry<String, Double> entry : after.entrySet()) {
			millis += entry.getValue() - before.getOrDefault(entry.getKey(), entry.getValue());
		}
		return millis / 1000;
	}

	/** Such as "web-gateway 1.2 s, ingest-service 0.8 s". */
	static String describe(Map<String, Double> before, Map<String, Double> after) {
		List<String> parts = new ArrayList<>();
		after.forEach((process, millis) -> parts
			.add(process + " " + Format.decimal((millis - before.getOrDefault(process, millis)) / 1000, 1) + " s"));
		return String.join(", ", parts);
	}

	/** The phase's load, unmeasured: writes and reader for a while. */
	@FunctionalInterface
	interface Load {

		FreshnessWrites run(String tag, String ids, Duration duration) throws InterruptedException;

	}

	/**
	 * Waits until search finds every warm-up write, so the measured writes do not queue
	 * behind them, or at most {@value #CATCH_UP_SECONDS} s; and at least
	 * {@value #SETTLE_SECONDS} s, so the compilations the warm-up started are done before
	 * the measured writes begin.
	 */
	private void awaitSearchable(String tag, int written) throws InterruptedException {
		String url = this.context.platform().gatewayUrl() + "/api/v1/search?size=1&tag=" + tag;
		long start = System.nanoTime();
		Thread.sleep(Duration.ofSeconds(SETTLE_SECONDS));
		long end = start + Duration.ofSeconds(CATCH_UP_SECONDS).toNanos();
		while (System.nanoTime() < end) {
			try {
				// Search counts exactly up to 10,000.
				if (this.context.http().getJson(url).path("total").asLong() >= Math.min(written, 10_000)) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// Asked again below.
			}
			Thread.sleep(Freshness.POLL_EVERY.toMillis());
		}
		this.context.say("Freshness: search did not find every warm-up write within " + CATCH_UP_SECONDS + " s");
	}

}
