package io.chancery.benchmarks.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chancery.benchmarks.elasticsearch.Elasticsearch;
import io.chancery.benchmarks.http.Http;
import io.chancery.benchmarks.load.WrkRequest;
import io.chancery.benchmarks.report.Format;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.ScenarioResult;
import tools.jackson.databind.JsonNode;

/**
 * Search: the fixed mix through the gateway (gateway, search-service, Elasticsearch)
 * against the same queries sent straight to Elasticsearch.
 */
public final class Search {

	static final String NAME = "search";

	private final Context context;

	public Search(Context context) {
		this.context = context;
	}

	public ScenarioResult run() {
		List<SearchMix.Query> queries = SearchMix.queries();
		Gateway gateway = new Gateway(this.context);
		Elasticsearch elasticsearch = this.context.elasticsearch();
		List<String> mismatches = new ArrayList<>();
		Map<String, Object> totals = new LinkedHashMap<>();
		// The index may still take the last writes of the scenario before: compare again
		// until it is still.
		for (int attempt = 1; attempt <= 5; attempt++) {
			mismatches.clear();
			for (SearchMix.Query query : queries) {
				long viaGateway = gateway.get(query.gateway().path()).path("total").asLong();
				JsonNode direct = this.context.http()
					.sendJson("POST", elasticsearch.url() + query.elasticsearch().path(),
							Http.JSON.writeValueAsString(query.body()));
				long viaElasticsearch = direct.path("hits").path("total").path("value").asLong();
				totals.put(query.name(), Map.of("gateway", viaGateway, "elasticsearch", viaElasticsearch));
				if (viaGateway != viaElasticsearch) {
					mismatches.add(query.name() + " (" + viaGateway + " through the gateway, " + viaElasticsearch
							+ " from Elasticsearch)");
				}
			}
			if (mismatches.isEmpty()) {
				break;
			}
			try {
				Thread.sleep(3000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		List<WrkRequest> throughGateway = queries.stream().map(SearchMix.Query::gateway).toList();
		List<WrkRequest> straight = queries.stream().map(SearchMix.Query::elasticsearch).toList();
		ReadComparison.Result result = new ReadComparison(this.context).compare(NAME,
				new ReadComparison.Side("gateway /api/v1/search", this.context.platform().gatewayUrl(), throughGateway,
						null),
				new ReadComparison.Side("Elasticsearch _search", elasticsearch.url(), straight, null),
				Indexing.pick(this.context.services(), "web-gateway", "search-service"));

		Map<String, Object> details = result.details();
		details.put("queries", queries.stream().map(SearchMix.Query::gateway).map(WrkRequest::path).toList());
		details.put("totals", totals);
		details.put("mismatches", mismatches);
		List<String> raw = new ArrayList<>();
		raw.add("The mix, taken in turn: "
				+ String.join("; ",
						queries.stream().map((query) -> query.name() + " `" + query.gateway().path() + "`").toList())
				+ ".");
		raw.add("");
		raw.addAll(result.table());
		String problems = result.problems();
		String note = "the mix of " + queries.size() + " searches through the gateway against the same requests "
				+ "search-service sends, straight to Elasticsearch; wrk, " + this.context.load().connections()
				+ " connections"
				+ (mismatches.isEmpty() ? "; totals identical on both sides"
						: "; TOTALS DIFFER: " + String.join(", ", mismatches))
				+ (problems.isEmpty() ? "" : "; " + problems);
		double chanceryP50 = result.chanceryP50();
		double peerP50 = result.peerP50();
		double added = chanceryP50 - peerP50;
		boolean valid = mismatches.isEmpty() && result.clean();
		Outcome throughput = Outcome.ratio(NAME + " throughput", "requests/s", result.chanceryThroughput(),
				result.peerThroughput(), 0.8, Format.whole(result.chanceryThroughput()) + " req/s",
				Format.whole(result.peerThroughput()) + " req/s", note);
		Outcome latency = Outcome.atMost(NAME + " p50 added (one connection)", "ms", added, peerP50, 3.0,
				"p50 " + ReadComparison.Result.ms(chanceryP50) + " (+" + Format.decimal(added, 2) + " ms)",
				"p50 " + ReadComparison.Result.ms(peerP50), "p50 added ≤ 3 ms", "");
		double cpu = result.cpuPerRequest("search-service");
		Outcome serviceCpu = Outcome.atMost("search-service CPU per search", "ms", cpu, null, 2.0,
				result.cpuPerRequestText("search-service", 2), "—", "≤ 2 ms",
				"search-service's CPU time during the throughput runs divided by the searches answered, mean of the "
						+ "rounds (the first also pays for what the JIT compiles then); Elasticsearch's is not in it");
		List<Outcome> outcomes = List.of(valid ? throughput : failed(throughput), valid ? latency : failed(latency),
				valid ? serviceCpu : failed(serviceCpu));
		return new ScenarioResult(NAME, outcomes, details, result.cpu(), raw, result.profiles());
	}

	static Outcome failed(Outcome outcome) {
		return new Outcome(outcome.scenario(), outcome.metric(), outcome.chancery(), outcome.peer(), outcome.ratio(),
				outcome.chanceryText(), outcome.peerText(), outcome.target(), false, outcome.note());
	}

}
