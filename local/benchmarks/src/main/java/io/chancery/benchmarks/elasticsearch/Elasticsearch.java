package io.chancery.benchmarks.elasticsearch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.chancery.benchmarks.http.Http;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Elasticsearch spoken to directly over its REST API, as the peer of the platform:
 * counts, peer indices made from the content template, documents copied out to
 * {@code _bulk} files and loaded back with plain sequential {@code _bulk} requests.
 */
public final class Elasticsearch {

	/** The template search-service puts for its {@code content-v*} indices. */
	public static final String CONTENT_TEMPLATE = "content";

	/** The alias every read and write of search-service goes through. */
	public static final String CONTENT = "content";

	private final Http http;

	private final String url;

	public Elasticsearch(Http http, String url) {
		this.http = http;
		this.url = url;
	}

	public String url() {
		return this.url;
	}

	public String version() {
		JsonNode nodes = this.http.getJson(this.url + "/_nodes/_local?filter_path=nodes.*.version").path("nodes");
		return nodes.values().iterator().next().path("version").asString();
	}

	/**
	 * Documents matching {@code query} (a query clause as JSON) that searches see now.
	 */
	public long count(String index, String query) {
		return this.http.sendJson("POST", this.url + "/" + index + "/_count", "{\"query\":" + query + "}")
			.path("count")
			.asLong();
	}

	/**
	 * Waits until searches see {@code expected} documents matching {@code query}.
	 * @return {@link System#nanoTime()} when they did
	 */
	public long awaitCount(String index, String query, long expected, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		long seen = -1;
		while (System.nanoTime() < deadline) {
			seen = count(index, query);
			if (seen >= expected) {
				return System.nanoTime();
			}
			pause(50);
		}
		throw new IllegalStateException("Only " + seen + " of " + expected + " documents in " + index
				+ " became searchable within " + timeout.toSeconds() + " s");
	}

	/**
	 * Creates {@code index} with the settings and mappings of the template that
	 * search-service put, so the peer analyses and stores exactly as the platform does.
	 * @param refreshInterval overrides the template's, or {@code null} to keep it
	 */
	public void createFromContentTemplate(String index, @Nullable String refreshInterval) {
		JsonNode template = this.http.getJson(this.url + "/_index_template/" + CONTENT_TEMPLATE)
			.path("index_templates")
			.path(0)
			.path("index_template")
			.path("template");
		if (template.isMissingNode()) {
			throw new IllegalStateException("No index template '" + CONTENT_TEMPLATE + "' in Elasticsearch");
		}
		ObjectNode body = Http.JSON.createObjectNode();
		ObjectNode settings = (ObjectNode) template.path("settings").deepCopy();
		if (refreshInterval != null) {
			((ObjectNode) settings.path("index")).put("refresh_interval", refreshInterval);
		}
		body.set("settings", settings);
		body.set("mappings", template.path("mappings"));
		this.http.sendJson("PUT", this.url + "/" + index, Http.JSON.writeValueAsString(body));
	}

	public void delete(String index) {
		int status = this.http.status("DELETE", this.url + "/" + index);
		if (status != 200 && status != 404) {
			throw new IllegalStateException("Deleting " + index + " answered " + status);
		}
	}

	public void refreshInterval(String index, String interval) {
		this.http.sendJson("PUT", this.url + "/" + index + "/_settings",
				"{\"index\":{\"refresh_interval\":\"" + interval + "\"}}");
	}

	public void refresh(String index) {
		this.http
			.body(Http.request(this.url + "/" + index + "/_refresh").POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	/** The concrete index an alias points at. */
	public String indexBehind(String alias) {
		return this.http.getJson(this.url + "/_alias/" + alias).propertyNames().iterator().next();
	}

	/**
	 * Waits until no merge runs on the node, so one measurement does not pay for the
	 * background work of the one before.
	 */
	public void awaitNoMerges(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		int quiet = 0;
		while (System.nanoTime() < deadline && quiet < 3) {
			JsonNode nodes = this.http
				.getJson(this.url + "/_nodes/stats/indices/merge?filter_path=nodes.*.indices.merges.current")
				.path("nodes");
			long current = 0;
			for (JsonNode node : nodes.values()) {
				current += node.path("indices").path("merges").path("current").asLong();
			}
			quiet = (current == 0) ? quiet + 1 : 0;
			pause(500);
		}
	}

	/**
	 * Copies every document matching {@code query} out of {@code index} as {@code _bulk}
	 * index operations (id and source as stored), {@code perFile} to a file.
	 * @return the files, in order
	 */
	public Extract extract(String index, String query, int perFile, Path directory) {
		try {
			Files.createDirectories(directory);
			String pit = this.http.sendJson("POST", this.url + "/" + index + "/_pit?keep_alive=5m", "{}")
				.path("id")
				.asString();
			List<Path> files = new ArrayList<>();
			long documents = 0;
			long bytes = 0;
			JsonNode after = null;
			BufferedWriter writer = null;
			int inFile = 0;
			try {
				while (true) {
					ObjectNode search = Http.JSON.createObjectNode();
					search.put("size", 2000);
					search.set("query", Http.JSON.readTree(query));
					search.putObject("pit").put("id", pit).put("keep_alive", "5m");
					search.putArray("sort").addObject().put("_shard_doc", "asc");
					if (after != null) {
						search.set("search_after", after);
					}
					JsonNode hits = this.http
						.sendJson("POST", this.url + "/_search", Http.JSON.writeValueAsString(search))
						.path("hits")
						.path("hits");
					if (hits.isEmpty()) {
						break;
					}
					for (JsonNode hit : hits) {
						if (writer == null || inFile == perFile) {
							if (writer != null) {
								writer.close();
							}
							Path file = directory.resolve(String.format("bulk-%05d.ndjson", files.size() + 1));
							files.add(file);
							writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
							inFile = 0;
						}
						ObjectNode action = Http.JSON.createObjectNode();
						action.putObject("index").put("_id", hit.path("_id").asString());
						String source = Http.JSON.writeValueAsString(hit.path("_source"));
						writer.write(Http.JSON.writeValueAsString(action));
						writer.write('\n');
						writer.write(source);
						writer.write('\n');
						bytes += source.getBytes(StandardCharsets.UTF_8).length;
						inFile++;
						documents++;
					}
					after = ((ArrayNode) hits.get(hits.size() - 1).path("sort")).deepCopy();
				}
			}
			finally {
				if (writer != null) {
					writer.close();
				}
				this.http.send(Http.request(this.url + "/_pit")
					.header("Content-Type", "application/json")
					.method("DELETE", HttpRequest.BodyPublishers.ofString("{\"id\":\"" + pit + "\"}"))
					.build());
			}
			return new Extract(files, documents, (documents > 0) ? bytes / documents : 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends the files to {@code index} with one {@code _bulk} request each, one after the
	 * other, as a plain client would.
	 * @return documents Elasticsearch refused
	 */
	public long bulk(String index, List<Path> files) {
		long failed = 0;
		for (Path file : files) {
			try {
				JsonNode response = Http.JSON.readTree(this.http
					.body(Http.request(this.url + "/" + index + "/_bulk?filter_path=errors,items.*.error.type")
						.timeout(Duration.ofMinutes(5))
						.header("Content-Type", "application/x-ndjson")
						.POST(HttpRequest.BodyPublishers.ofFile(file))
						.build()));
				if (response.path("errors").asBoolean()) {
					for (JsonNode item : response.path("items")) {
						for (JsonNode operation : item.values()) {
							if (!operation.path("error").isMissingNode()) {
								failed++;
							}
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return failed;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The node's cumulative indexing work so far, from {@code _nodes/stats}: subtract two
	 * readings to see what Elasticsearch did between them.
	 */
	public Work work() {
		JsonNode nodes = this.http
			.getJson(this.url + "/_nodes/stats/indices/indexing,refresh,merge,flush,bulk?filter_path=nodes.*.indices")
			.path("nodes");
		Work total = new Work(0, 0, 0, 0, 0, 0, 0, 0, 0);
		for (JsonNode node : nodes.values()) {
			total = total.plus(Work.of(node.path("indices")));
		}
		return total;
	}

	/**
	 * The cumulative indexing work on one index (or the index behind an alias), from
	 * {@code _stats}, its primaries and replicas together.
	 */
	public Work work(String index) {
		return Work.of(this.http
			.getJson(this.url + "/" + index + "/_stats/indexing,refresh,merge,flush,bulk?filter_path=_all.total")
			.path("_all")
			.path("total"));
	}

	/**
	 * Indexing work of a node, cumulative or between two readings.
	 *
	 * @param documents documents indexed
	 * @param indexMillis time spent indexing them (summed over threads)
	 * @param bulkRequests shard-level bulk requests
	 * @param refreshes refreshes
	 * @param refreshMillis time spent refreshing
	 * @param merges merges completed
	 * @param mergeMillis time spent merging (summed over threads)
	 * @param mergedDocuments documents rewritten by merges
	 * @param flushes flushes
	 */
	public record Work(long documents, long indexMillis, long bulkRequests, long refreshes, long refreshMillis,
			long merges, long mergeMillis, long mergedDocuments, long flushes) {

		static Work of(JsonNode stats) {
			return new Work(stats.path("indexing").path("index_total").asLong(),
					stats.path("indexing").path("index_time_in_millis").asLong(),
					stats.path("bulk").path("total_operations").asLong(), stats.path("refresh").path("total").asLong(),
					stats.path("refresh").path("total_time_in_millis").asLong(),
					stats.path("merges").path("total").asLong(),
					stats.path("merges").path("total_time_in_millis").asLong(),
					stats.path("merges").path("total_docs").asLong(), stats.path("flush").path("total").asLong());
		}

		Work plus(Work other) {
			return new Work(this.documents + other.documents, this.indexMillis + other.indexMillis,
					this.bulkRequests + other.bulkRequests, this.refreshes + other.refreshes,
					this.refreshMillis + other.refreshMillis, this.merges + other.merges,
					this.mergeMillis + other.mergeMillis, this.mergedDocuments + other.mergedDocuments,
					this.flushes + other.flushes);
		}

		public Work since(Work before) {
			return new Work(this.documents - before.documents, this.indexMillis - before.indexMillis,
					this.bulkRequests - before.bulkRequests, this.refreshes - before.refreshes,
					this.refreshMillis - before.refreshMillis, this.merges - before.merges,
					this.mergeMillis - before.mergeMillis, this.mergedDocuments - before.mergedDocuments,
					this.flushes - before.flushes);
		}

		/** One table cell: what Elasticsearch did. */
		public String describe() {
			return String.format(java.util.Locale.ROOT,
					"%,d documents in %,d shard bulks (%.0f a bulk), indexing %.1f s; %,d refreshes, %.1f s; "
							+ "%,d merges of %,d documents, %.1f s; %,d flushes",
					this.documents, this.bulkRequests,
					(this.bulkRequests > 0) ? (double) this.documents / this.bulkRequests : 0.0,
					this.indexMillis / 1000.0, this.refreshes, this.refreshMillis / 1000.0, this.merges,
					this.mergedDocuments, this.mergeMillis / 1000.0, this.flushes);
		}

	}

	/**
	 * Documents copied out as {@code _bulk} files.
	 *
	 * @param files the files, in order
	 * @param documents how many documents they hold
	 * @param averageSourceBytes the average size of a document's source
	 */
	public record Extract(List<Path> files, long documents, long averageSourceBytes) {
	}

}
