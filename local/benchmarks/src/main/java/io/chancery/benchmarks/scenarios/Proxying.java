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
		Outcome outcome = Outcome.ratio(NAME, "requests/s", result.chanceryThroughput(), result.peerThroughput(), 0.6,
				Format.whole(result.chanceryThroughput()) + " req/s (p50 "
						+ ReadComparison.Result.ms(result.chanceryP50()) + " on one connection)",
				Format.whole(result.peerThroughput()) + " req/s (p50 " + ReadComparison.Result.ms(result.peerP50())
						+ ")",
				"`GET " + PATH + "` (" + size + " B from counter-service) through the gateway against nginx "
						+ "proxying to the same counter-service with pooled keep-alive upstream connections; wrk, "
						+ this.context.load().connections() + " connections"
						+ (problems.isEmpty() ? "" : "; " + problems));
		return new ScenarioResult(NAME, List.of(result.clean() ? outcome : Search.failed(outcome)), details,
				result.cpu(), raw, result.profiles());
	}

}
