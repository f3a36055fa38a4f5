package io.chancery.benchmarks.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chancery.benchmarks.http.Http;
import io.chancery.benchmarks.load.Nginx;
import io.chancery.benchmarks.load.WrkRequest;
import io.chancery.benchmarks.report.Format;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.ScenarioResult;
import tools.jackson.databind.JsonNode;

/**
 * Home page data: {@code /api/v1/home} through the gateway, which asks counter-service
 * and search-service for its parts in parallel and composes them, against nginx serving
 * the same JSON as a static file. A home page answered with a part missing says
 * {@code Cache-Control: no-cache}; such answers are counted and make the figure invalid.
 */
public final class HomePage {

	static final String NAME = "home page data";

	static final String PATH = "/api/v1/home";

	private static final String[] DEGRADED = { "Cache-Control", "no-cache" };

	private final Context context;

	private final Nginx nginx;

	public HomePage(Context context, Nginx nginx) {
		this.context = context;
		this.nginx = nginx;
	}

	public ScenarioResult run() {
		byte[] home = new Gateway(this.context).getBytes(PATH);
		JsonNode parsed = Http.JSON.readTree(home);
		if (!parsed.path("unavailable").isEmpty()) {
			throw new IllegalStateException("The home page lacks parts before the load: " + parsed.path("unavailable"));
		}
		this.nginx.serve(PATH, home);
		List<WrkRequest> mix = List.of(WrkRequest.get(PATH));
		ReadComparison.Result result = new ReadComparison(this.context).compare(NAME,
				new ReadComparison.Side("gateway " + PATH, this.context.platform().gatewayUrl(), mix, DEGRADED),
				new ReadComparison.Side("nginx static " + PATH, this.nginx.url(), mix, DEGRADED),
				Indexing.pick(this.context.services(), "web-gateway", "counter-service", "search-service"));
		Map<String, Object> details = result.details();
		details.put("responseBytes", home.length);
		List<String> raw = new ArrayList<>(result.table());
		String problems = result.problems();
		Outcome outcome = Outcome.ratio(NAME, "requests/s", result.chanceryThroughput(), result.peerThroughput(), 0.3,
				Format.whole(result.chanceryThroughput()) + " req/s (p50 "
						+ ReadComparison.Result.ms(result.chanceryP50()) + " on one connection)",
				Format.whole(result.peerThroughput()) + " req/s (p50 " + ReadComparison.Result.ms(result.peerP50())
						+ ")",
				"`GET " + PATH + "` (" + Format.whole(home.length) + " B, composed from counter-service and "
						+ "search-service) against nginx serving the same bytes as a static file; wrk, "
						+ this.context.load().connections() + " connections; answers with a part missing "
						+ "(`Cache-Control: no-cache`) are counted as errors"
						+ (problems.isEmpty() ? "" : "; " + problems));
		return new ScenarioResult(NAME, List.of(result.clean() ? outcome : Search.failed(outcome)), details,
				result.cpu(), raw, result.profiles());
	}

}
