package io.chancery.benchmarks.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.chancery.benchmarks.load.WrkRequest;
import io.chancery.benchmarks.load.WrkResult;
import io.chancery.benchmarks.platform.Processes;
import io.chancery.benchmarks.profiling.FlightRecorder;
import io.chancery.benchmarks.report.Format;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP read measured on the platform and on its peer with wrk, the same way: a warm-up
 * run, a throughput run with several connections, and a latency run with one connection
 * (each request waits for the one before, so its percentiles are service times, not
 * queueing). With more than one round the sides alternate which goes first, so drift on a
 * busy machine does not favour one of them; figures are the mean of the rounds.
 */
final class ReadComparison {

	private final Context context;

	ReadComparison(Context context) {
		this.context = context;
	}

	Result compare(String scenario, Side chancery, Side peer, Map<String, Long> profiled) {
		Context.ReadLoad load = this.context.load();
		List<WrkResult> chanceryLoad = new ArrayList<>();
		List<WrkResult> peerLoad = new ArrayList<>();
		List<WrkResult> chanceryLatency = new ArrayList<>();
		List<WrkResult> peerLatency = new ArrayList<>();
		Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
		Map<String, List<String>> profiles = new LinkedHashMap<>();
		for (int round = 1; round <= load.rounds(); round++) {
			List<Side> order = (round % 2 == 1) ? List.of(chancery, peer) : List.of(peer, chancery);
			for (Side side : order) {
				boolean isChancery = side == chancery;
				this.context.say(scenario + ": " + side.name() + ", round " + round + " of " + load.rounds());
				// The first round's warm-ups are longer: on two cores the services (and a
				// service both sides share) were still compiling after one, and the side
				// measured first paid for it.
				this.context.wrk()
					.run(side.name() + " warm-up", side.baseUrl(), side.mix(), load.threads(), load.connections(),
							(round == 1) ? load.warmup().multipliedBy(3) : load.warmup(), side.watch());
				Processes.CpuSnapshot before = this.context.cpu();
				// The peer's round too: a service both sides call (counter-service behind
				// the gateway and behind nginx) may cost more behind one of them.
				boolean profile = round == 1 && !profiled.isEmpty();
				FlightRecorder.Recording recording = profile ? this.context.profiler()
					.start(scenario.replace(' ', '-') + (isChancery ? "" : "-peer"), profiled) : null;
				WrkResult result = this.context.wrk()
					.run(side.name(), side.baseUrl(), side.mix(), load.threads(), load.connections(), load.duration(),
							side.watch());
				cpu.put((isChancery ? "chancery" : "peer") + ((load.rounds() > 1) ? " " + round : ""),
						this.context.cpu().since(before));
				if (recording != null) {
					recording.stop()
						.forEach((service, lines) -> profiles.put(isChancery ? service : service + ", peer side",
								lines));
				}
				WrkResult latency = this.context.wrk()
					.run(side.name() + ", one connection", side.baseUrl(), side.mix(), 1, 1, load.latency(),
							side.watch());
				(isChancery ? chanceryLoad : peerLoad).add(result);
				(isChancery ? chanceryLatency : peerLatency).add(latency);
			}
		}
		return new Result(chanceryLoad, peerLoad, chanceryLatency, peerLatency, cpu, profiles);
	}

	/**
	 * One side of a comparison.
	 *
	 * @param name how the report names it
	 * @param baseUrl where wrk sends the mix
	 * @param mix the requests, taken in turn
	 * @param watch a header name and value that marks a degraded answer, or {@code null}
	 */
	record Side(String name, String baseUrl, List<WrkRequest> mix, String @Nullable [] watch) {
	}

	/**
	 * The runs of both sides.
	 *
	 * @param chanceryLoad the platform's throughput runs
	 * @param peerLoad the peer's throughput runs
	 * @param chanceryLatency the platform's one-connection runs
	 * @param peerLatency the peer's one-connection runs
	 * @param cpu CPU by component during each throughput run
	 * @param profiles hottest methods, when profiled
	 */
	record Result(List<WrkResult> chanceryLoad, List<WrkResult> peerLoad, List<WrkResult> chanceryLatency,
			List<WrkResult> peerLatency, Map<String, Map<String, Double>> cpu, Map<String, List<String>> profiles) {

		double chanceryThroughput() {
			return mean(this.chanceryLoad, WrkResult::successesPerSecond);
		}

		double peerThroughput() {
			return mean(this.peerLoad, WrkResult::successesPerSecond);
		}

		double chanceryP50() {
			return mean(this.chanceryLatency, (run) -> run.latency().p50());
		}

		double peerP50() {
			return mean(this.peerLatency, (run) -> run.latency().p50());
		}

		/**
		 * CPU milliseconds {@code component} spent per request of Chancery's throughput
		 * runs, the mean of the rounds.
		 */
		double cpuPerRequest(String component) {
			return cpuPerRequestByRound(component).stream().mapToDouble(Double::doubleValue).average().orElse(0);
		}

		/**
		 * CPU milliseconds {@code component} spent per request in each round of
		 * Chancery's throughput runs; the first also pays for what the JIT compiles then.
		 */
		List<Double> cpuPerRequestByRound(String component) {
			List<Double> perRound = new ArrayList<>();
			for (int round = 1; round <= this.chanceryLoad.size(); round++) {
				Map<String, Double> used = this.cpu
					.get("chancery" + ((this.chanceryLoad.size() > 1) ? " " + round : ""));
				long requests = this.chanceryLoad.get(round - 1).requests();
				if (used != null && requests > 0) {
					perRound.add(1000 * used.getOrDefault(component, 0.0) / requests);
				}
			}
			return perRound;
		}

		/** The mean CPU per request, with each round's when there were several. */
		String cpuPerRequestText(String component, int decimals) {
			List<Double> rounds = cpuPerRequestByRound(component);
			String mean = Format.decimal(cpuPerRequest(component), decimals) + " ms";
			return (rounds.size() > 1) ? mean + " (rounds: "
					+ String.join(", ", rounds.stream().map((ms) -> Format.decimal(ms, decimals)).toList()) + ")"
					: mean;
		}

		boolean clean() {
			return List.of(this.chanceryLoad, this.peerLoad, this.chanceryLatency, this.peerLatency)
				.stream()
				.flatMap(List::stream)
				.allMatch(WrkResult::clean);
		}

		/** Problems a reader must know of: errors, non-2xx and degraded answers. */
		String problems() {
			List<String> problems = new ArrayList<>();
			for (WrkResult run : all()) {
				if (!run.clean()) {
					problems.add(run.label() + ": " + run.socketErrors() + " socket errors, " + run.non2xx()
							+ " non-2xx, " + run.flagged() + " degraded of " + run.requests());
				}
			}
			return String.join("; ", problems);
		}

		List<WrkResult> all() {
			List<WrkResult> all = new ArrayList<>();
			all.addAll(this.chanceryLoad);
			all.addAll(this.peerLoad);
			all.addAll(this.chanceryLatency);
			all.addAll(this.peerLatency);
			return all;
		}

		/** Markdown rows, one per wrk run. */
		List<String> table() {
			List<String> rows = new ArrayList<>();
			rows.add("| wrk run | connections | seconds | requests/s | successes/s | p50 | p90 | p99 | p99.9 | max | "
					+ "errors |");
			rows.add("|---|---|---|---|---|---|---|---|---|---|---|");
			for (WrkResult run : all()) {
				rows.add("| " + run.label() + " | " + run.connections() + " | " + Format.decimal(run.seconds(), 1)
						+ " | " + Format.whole(run.requestsPerSecond()) + " | " + Format.whole(run.successesPerSecond())
						+ " | " + ms(run.latency().p50()) + " | " + ms(run.latency().p90()) + " | "
						+ ms(run.latency().p99()) + " | " + ms(run.latency().p999()) + " | " + ms(run.latency().max())
						+ " | " + (run.socketErrors() + run.non2xx() + run.flagged()) + " |");
			}
			return rows;
		}

		Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("chanceryLoad", this.chanceryLoad);
			details.put("peerLoad", this.peerLoad);
			details.put("chanceryLatency", this.chanceryLatency);
			details.put("peerLatency", this.peerLatency);
			details.put("chanceryRequestsPerSecond", chanceryThroughput());
			details.put("peerRequestsPerSecond", peerThroughput());
			details.put("chanceryP50Millis", chanceryP50());
			details.put("peerP50Millis", peerP50());
			return details;
		}

		private static double mean(List<WrkResult> runs, ToDoubleFunction<WrkResult> figure) {
			return runs.stream().mapToDouble(figure).average().orElse(0);
		}

		static String ms(double millis) {
			return Format.decimal(millis, (millis < 10) ? 2 : 1) + " ms";
		}

	}

}
