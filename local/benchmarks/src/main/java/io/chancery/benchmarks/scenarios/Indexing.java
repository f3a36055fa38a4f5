package io.chancery.benchmarks.scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chancery.benchmarks.content.ArticleLines;
import io.chancery.benchmarks.elasticsearch.Elasticsearch;
import io.chancery.benchmarks.platform.Processes;
import io.chancery.benchmarks.profiling.FlightRecorder;
import io.chancery.benchmarks.report.Format;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.ScenarioResult;
import tools.jackson.databind.JsonNode;

/**
 * Indexing throughput: articles imported through the gateway's import route
 * (ingest-service validates and writes them to Kafka, search-service bulk-indexes them)
 * until all are searchable, against the very documents the platform indexed, copied out
 * and sent straight to Elasticsearch with sequential {@code _bulk} requests into an index
 * with the same settings and mappings, until all are searchable.
 */
public final class Indexing {

	static final String NAME = "indexing throughput";

	static final String PREFIX = "bench-";

	private static final String QUERY = "{\"prefix\":{\"id\":\"" + PREFIX + "\"}}";

	private static final String MATCH_ALL = "{\"match_all\":{}}";

	private final Context context;

	private final ArticleLines articles;

	private final int count;

	private final int articleBytes;

	private final int bulkSize;

	public Indexing(Context context, ArticleLines articles, int count, int articleBytes, int bulkSize) {
		this.context = context;
		this.articles = articles;
		this.count = count;
		this.articleBytes = articleBytes;
		this.bulkSize = bulkSize;
	}

	public ScenarioResult run() {
		Elasticsearch elasticsearch = this.context.elasticsearch();
		Path file = this.context.work().resolve("articles.ndjson");
		ArticleLines.Written written = this.articles.write(file, PREFIX, this.count, this.articleBytes);
		this.context.say("Indexing: " + this.count + " articles of " + written.averageBytes()
				+ " bytes on average through the gateway's import route");
		Duration timeout = Duration.ofSeconds(Math.max(600, this.count / 20));
		Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();

		elasticsearch.awaitNoMerges(Duration.ofMinutes(2));
		Processes.CpuSnapshot before = this.context.cpu();
		Elasticsearch.Work workBefore = elasticsearch.work();
		FlightRecorder.Recording recording = this.context.profiler()
			.start("indexing", pick(this.context.services(), "web-gateway", "ingest-service", "search-service"));
		long started = System.nanoTime();
		JsonNode report = new Gateway(this.context).importFile(file, "benchmarks-indexing", this.count);
		long imported = System.nanoTime();
		long searchable = elasticsearch.awaitCount(Elasticsearch.CONTENT, QUERY, this.count, timeout);
		cpu.put("chancery", this.context.cpu().since(before));
		Elasticsearch.Work chanceryWork = elasticsearch.work().since(workBefore);
		Map<String, List<String>> profiles = recording.stop();
		double chancerySeconds = (searchable - started) / 1e9;
		double chancery = this.count / chancerySeconds;
		Scratch.delete(List.of(file));

		this.context
			.say("Indexing: the same documents straight to Elasticsearch with _bulk, " + this.bulkSize + " a request");
		Elasticsearch.Extract extract = elasticsearch.extract(Elasticsearch.CONTENT, QUERY, this.bulkSize,
				this.context.work().resolve("indexing-bulk"));
		if (extract.documents() != this.count) {
			throw new IllegalStateException("Copied " + extract.documents() + " documents, expected " + this.count);
		}
		String peerIndex = "bench-peer-indexing";
		elasticsearch.delete(peerIndex);
		elasticsearch.createFromContentTemplate(peerIndex, null);
		elasticsearch.awaitNoMerges(Duration.ofMinutes(2));
		before = this.context.cpu();
		workBefore = elasticsearch.work();
		long peerStarted = System.nanoTime();
		long refused = elasticsearch.bulk(peerIndex, extract.files());
		long peerSent = System.nanoTime();
		long peerSearchable = elasticsearch.awaitCount(peerIndex, MATCH_ALL, this.count, timeout);
		cpu.put("peer", this.context.cpu().since(before));
		Elasticsearch.Work peerWork = elasticsearch.work().since(workBefore);
		double peerSeconds = (peerSearchable - peerStarted) / 1e9;
		double peer = this.count / peerSeconds;
		elasticsearch.delete(peerIndex);
		Scratch.delete(extract.files());

		Map<String, Object> details = new LinkedHashMap<>();
		details.put("articles", this.count);
		details.put("importLineBytesAverage", written.averageBytes());
		details.put("documentSourceBytesAverage", extract.averageSourceBytes());
		details.put("importAnsweredSeconds", (imported - started) / 1e9);
		details.put("chancerySearchableSeconds", chancerySeconds);
		details.put("importReport", report);
		details.put("peerBulkSize", this.bulkSize);
		details.put("peerBulkSentSeconds", (peerSent - peerStarted) / 1e9);
		details.put("peerSearchableSeconds", peerSeconds);
		details.put("peerRefusedDocuments", refused);
		details.put("elasticsearchWork", Map.of("chancery", chanceryWork, "peer", peerWork));
		List<String> raw = new ArrayList<>();
		raw.add("| | Chancery | peer |");
		raw.add("|---|---|---|");
		raw.add("| documents | " + Format.whole(this.count) + " import lines of " + Format.whole(written.averageBytes())
				+ " B on average | the same " + Format.whole(this.count) + " documents as indexed ("
				+ Format.whole(extract.averageSourceBytes()) + " B of source on average) |");
		raw.add("| sent | one `POST /api/v1/import` through the gateway, answered after "
				+ Format.decimal((imported - started) / 1e9, 1) + " s (Kafka acknowledged every line) | "
				+ extract.files().size() + " sequential `_bulk` requests of " + this.bulkSize + ", sent in "
				+ Format.decimal((peerSent - peerStarted) / 1e9, 1) + " s |");
		raw.add("| all searchable after | " + Format.decimal(chancerySeconds, 1) + " s | "
				+ Format.decimal(peerSeconds, 1) + " s |");
		raw.add("| Elasticsearch's own work meanwhile (`_nodes/stats`) | " + chanceryWork.describe() + " | "
				+ peerWork.describe() + " |");
		Outcome outcome = Outcome.ratio(NAME, "docs/s", chancery, peer, 0.9,
				Format.whole(chancery) + " docs/s (" + Format.whole(this.count) + " in "
						+ Format.decimal(chancerySeconds, 1) + " s)",
				Format.whole(peer) + " docs/s (`_bulk` of " + this.bulkSize + ")",
				"from the import request to the last document searchable, against the same documents sent with "
						+ "`_bulk` to an index with the content template's settings until all are searchable; "
						+ "load from this JVM (one import request) and from one sequential `_bulk` client"
						+ ((refused > 0) ? "; Elasticsearch refused " + refused + " peer documents" : ""));
		return new ScenarioResult(NAME, List.of(outcome), details, cpu, raw, profiles);
	}

	static Map<String, Long> pick(Map<String, Long> services, String... names) {
		Map<String, Long> picked = new LinkedHashMap<>();
		List<String> wanted = List.of(names);
		// A service's replicas with it.
		services.forEach((name, pid) -> {
			if (wanted.contains(Processes.serviceOf(name))) {
				picked.put(name, pid);
			}
		});
		return picked;
	}

}
