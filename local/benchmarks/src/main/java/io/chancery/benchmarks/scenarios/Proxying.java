package io.chancery.benchmarks.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chancery.benchmarks.load.Nginx;
import io.chancery.benchmarks.load.WrkRequest;
import io.chancery.benchmarks.report.Format;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.ScenarioResult;

/**
 * Gateway proxying: a small upstream answer, counter-service's {@code /api/v1/clocks},
 * through the gateway (routing, rate limit, security headers, ETag) against nginx
 * proxying the same path to the same counter-service.
 */
public final class Proxying {

	static final String NAME = "gateway proxying";

	/** The small upstream answer both sides proxy. */
	public static final String PATH = "/api/v1/clocks";

	private final Context context;

	private final Nginx nginx;

	public Proxying(Context context, Nginx nginx) {
		this.context = context;
		this.nginx = nginx;
	}

	public ScenarioResult run() {
		int size = new Gateway(this.context).getBytes(PATH).length;
		List<WrkRequest> mix = List.of(WrkRequest.get(PATH));
		ReadComparison.Result result = new ReadComparison(this.context).compare(NAME,
				new ReadComparison.Side("gateway " + PATH, this.context.platform().gatewayUrl(), mix, null),
				new ReadComparison.Side("nginx " + PATH, this.nginx.url(), mix, null),
				Indexing.pick(this.context.services(), "web-gateway", "counter-service"));
		Map<String, Object> details = result.details();
		details.put("responseBytes", size);
		List<String> raw = new ArrayList<>(result.table());
		String problems = result.problems();
		Outcome outcome = Outcome.ratio(NAME, "requests/s", result.chanceryThroughput(), result.peerThroughput(), 0.5,
				Format.whole(result.chanceryThroughput()) + " req/s", Format.whole(result.peerThroughput()) + " req/s",
				"`GET " + PATH + "` (" + size + " B from counter-service) through the gateway against nginx "
						+ "proxying to the same counter-service with pooled keep-alive upstream connections; wrk, "
						+ this.context.load().connections() + " connections"
						+ (problems.isEmpty() ? "" : "; " + problems));
		double added = result.chanceryP50() - result.peerP50();
		Outcome latency = Outcome.atMost(NAME + " p50 added (one connection)", "ms", added, result.peerP50(), 0.3,
				"p50 " + ReadComparison.Result.ms(result.chanceryP50()) + " (+" + Format.decimal(added, 2) + " ms)",
				"p50 " + ReadComparison.Result.ms(result.peerP50()), "p50 added ≤ 0.3 ms", "");
		double cpu = result.cpuPerRequest("web-gateway");
		Outcome gatewayCpu = Outcome.atMost("gateway CPU per proxied request", "ms", cpu, null, 0.1,
				result.cpuPerRequestText("web-gateway", 3), "—", "≤ 0.1 ms",
				"web-gateway's CPU time during the throughput runs divided by the requests answered, mean of the rounds (the first also pays for "
						+ "what the JIT compiles then)");
		List<Outcome> outcomes = List.of(outcome, latency, gatewayCpu);
		return new ScenarioResult(NAME, result.clean() ? outcomes : outcomes.stream().map(Search::failed).toList(),
				details, result.cpu(), raw, result.profiles());
	}

}
