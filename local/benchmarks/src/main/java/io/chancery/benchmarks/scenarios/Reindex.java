package io.chancery.benchmarks.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chancery.benchmarks.elasticsearch.Elasticsearch;
import io.chancery.benchmarks.platform.Processes;
import io.chancery.benchmarks.profiling.FlightRecorder;
import io.chancery.benchmarks.report.Format;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.ScenarioResult;
import tools.jackson.databind.JsonNode;

/**
 * Reindex by replay: {@code POST /api/v1/admin/reindex} through the gateway rebuilds the
 * content index from the topics into a new index and switches the alias; measured from
 * its start to its end as search-service reports them. The peer loads the same documents
 * with raw {@code _bulk} into a new index with refresh off, then refreshes, as the replay
 * does.
 */
public final class Reindex {

	static final String NAME = "reindex by replay";

	private static final String MATCH_ALL = "{\"match_all\":{}}";

	private final Context context;

	private final int bulkSize;

	public Reindex(Context context, int bulkSize) {
		this.context = context;
		this.bulkSize = bulkSize;
	}

	public ScenarioResult run() {
		Elasticsearch elasticsearch = this.context.elasticsearch();
		Gateway gateway = new Gateway(this.context);
		String source = elasticsearch.indexBehind(Elasticsearch.CONTENT);
		long documents = elasticsearch.count(Elasticsearch.CONTENT, MATCH_ALL);
		Duration timeout = Duration.ofSeconds(Math.max(600, documents / 20));
		this.context.say("Reindex: rebuilding " + documents + " documents from the topics");
		Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();

		elasticsearch.awaitNoMerges(Duration.ofMinutes(2));
		Processes.CpuSnapshot before = this.context.cpu();
		Elasticsearch.Work workBefore = elasticsearch.work();
		FlightRecorder.Recording recording = this.context.profiler()
			.start("reindex", Indexing.pick(this.context.services(), "search-service"));
		long started = System.nanoTime();
		JsonNode status = gateway.admin("POST", "/api/v1/admin/reindex");
		long deadline = started + timeout.toNanos();
		while (!status.path("state").asString().equals("done") && !status.path("state").asString().equals("failed")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Reindex not done within " + timeout.toSeconds() + " s: " + status);
			}
			pause();
			status = gateway.admin("GET", "/api/v1/admin/reindex");
		}
		long observed = System.nanoTime();
		cpu.put("chancery", this.context.cpu().since(before));
		Elasticsearch.Work chanceryWork = elasticsearch.work().since(workBefore);
		Map<String, List<String>> profiles = recording.stop();
		if (status.path("state").asString().equals("failed")) {
			throw new IllegalStateException("Reindex failed: " + status);
		}
		String target = status.path("target").asString();
		long rebuilt = elasticsearch.count(target, MATCH_ALL);
		double chancerySeconds = Duration
			.between(Instant.parse(status.path("startedAt").asString()),
					Instant.parse(status.path("finishedAt").asString()))
			.toNanos() / 1e9;
		double chancery = rebuilt / chancerySeconds;
		if (!source.equals(target)) {
			// The old index is kept for rollback; the benchmark is its operator and drops
			// it.
			elasticsearch.delete(source);
		}

		this.context.say("Reindex: the same documents with raw _bulk into a new index, refresh off meanwhile");
		Elasticsearch.Extract extract = elasticsearch.extract(target, MATCH_ALL, this.bulkSize,
				this.context.work().resolve("reindex-bulk"));
		String peerIndex = "bench-peer-reindex";
		elasticsearch.delete(peerIndex);
		elasticsearch.createFromContentTemplate(peerIndex, "-1");
		elasticsearch.awaitNoMerges(Duration.ofMinutes(2));
		before = this.context.cpu();
		workBefore = elasticsearch.work();
		long peerStarted = System.nanoTime();
		long refused = elasticsearch.bulk(peerIndex, extract.files());
		elasticsearch.refreshInterval(peerIndex, "1s");
		elasticsearch.refresh(peerIndex);
		long peerDone = System.nanoTime();
		cpu.put("peer", this.context.cpu().since(before));
		Elasticsearch.Work peerWork = elasticsearch.work().since(workBefore);
		long loaded = elasticsearch.count(peerIndex, MATCH_ALL);
		double peerSeconds = (peerDone - peerStarted) / 1e9;
		double peer = loaded / peerSeconds;
		elasticsearch.delete(peerIndex);
		Scratch.delete(extract.files());

		Map<String, Object> details = new LinkedHashMap<>();
		details.put("documentsBefore", documents);
		details.put("documentsRebuilt", rebuilt);
		details.put("status", status);
		details.put("chancerySeconds", chancerySeconds);
		details.put("observedSeconds", (observed - started) / 1e9);
		details.put("peerDocuments", loaded);
		details.put("peerSeconds", peerSeconds);
		details.put("peerBulkSize", this.bulkSize);
		details.put("peerRefusedDocuments", refused);
		details.put("elasticsearchWork", Map.of("chancery", chanceryWork, "peer", peerWork));
		List<String> raw = new ArrayList<>();
		raw.add("| | Chancery | peer |");
		raw.add("|---|---|---|");
		raw.add("| documents | " + Format.whole(rebuilt) + " rebuilt from "
				+ Format.whole(status.path("recordsRead").asLong()) + " records replayed ("
				+ status.path("skipped").asLong() + " skipped) | " + Format.whole(loaded) + " loaded with "
				+ extract.files().size() + " `_bulk` requests of " + this.bulkSize + " |");
		raw.add("| time | " + Format.decimal(chancerySeconds, 1) + " s from start to alias switched and caught up "
				+ "(search-service's own timestamps; " + Format.decimal((observed - started) / 1e9, 1)
				+ " s as polled) | " + Format.decimal(peerSeconds, 1) + " s including the final refresh |");
		raw.add("| Elasticsearch's own work meanwhile (`_nodes/stats`) | " + chanceryWork.describe() + " | "
				+ peerWork.describe() + " |");
		Outcome outcome = Outcome.ratio(NAME, "docs/s", chancery, peer, 0.9,
				Format.whole(chancery) + " docs/s (" + Format.whole(rebuilt) + " in "
						+ Format.decimal(chancerySeconds, 1) + " s)",
				Format.whole(peer) + " docs/s (`_bulk` of " + this.bulkSize + ", refresh off)",
				"replay of the `articles` and `events` topics into a new index, timed by search-service, against "
						+ "raw `_bulk` of the same documents into an index with refresh off until the final refresh"
						+ ((refused > 0) ? "; Elasticsearch refused " + refused + " peer documents" : ""));
		return new ScenarioResult(NAME, List.of(outcome), details, cpu, raw, profiles);
	}

	/**
	 * Once a second: the replay is timed by search-service's own timestamps, and every
	 * status request costs the gateway CPU that the replay it measures would otherwise
	 * have (about 20 ms each while the gateway's admin path is not yet compiled).
	 */
	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
