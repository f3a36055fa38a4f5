package io.chancery.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.kafka.TopicContents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;

/**
 * Compares the content index item by item with the source topics: for every article and
 * event the topics' newest revision must be in the index, with the status that revision
 * gives it (a withdrawal for good: {@code gone}), and nothing else may be there.
 */
final class IndexAudit {

	private IndexAudit() {
	}

	/** What the topics say each document should be: key → revision and status. */
	static Map<String, Expected> expected(String bootstrapServers) {
		Map<String, Expected> expected = new HashMap<>();
		onTopics(bootstrapServers, (key, revision) -> expected.merge(key, revision,
				(old, added) -> (added.revision() >= old.revision()) ? added : old));
		return expected;
	}

	/**
	 * Every revision of each document in the order its partition holds them: key →
	 * revisions and statuses, oldest first.
	 */
	static Map<String, List<Expected>> history(String bootstrapServers) {
		Map<String, List<Expected>> history = new HashMap<>();
		onTopics(bootstrapServers,
				(key, revision) -> history.computeIfAbsent(key, (ignored) -> new ArrayList<>()).add(revision));
		return history;
	}

	/**
	 * Reads the articles and events topics from the start to their committed ends and
	 * passes each content record on as {@code type:id:locale} with its revision and the
	 * status it gives the document.
	 */
	private static void onTopics(String bootstrapServers, java.util.function.BiConsumer<String, Expected> each) {
		for (ConsumerRecord<String, byte[]> record : TopicContents.read(bootstrapServers, Topic.ARTICLES.wireName(),
				Topic.EVENTS.wireName())) {
			Header header = record.headers().lastHeader(EventType.HEADER);
			if (header == null) {
				continue;
			}
			String eventType = new String(header.value(), StandardCharsets.UTF_8);
			JsonNode payload;
			try {
				payload = MessageJson.mapper().readTree(record.value());
			}
			catch (RuntimeException ex) {
				// Poison, dead-lettered by the indexer: not content.
				continue;
			}
			if (payload == null || !payload.path("id").isString() || !payload.path("locale").isString()
					|| !payload.path("revision").isIntegralNumber()) {
				continue;
			}
			String type = eventType.startsWith("article") ? "article" : "event";
			String status = eventType.endsWith("-withdrawn") ? "gone" : payload.path("status").asString("published");
			String key = type + ":" + payload.get("id").asString() + ":" + payload.get("locale").asString();
			each.accept(key, new Expected(payload.get("revision").asLong(), status));
		}
	}

	/** What the index holds: document id → revision and status. */
	static Map<String, Expected> indexed(String elasticsearchUrl) {
		HttpClient http = HttpClient.newHttpClient();
		Map<String, Expected> indexed = new HashMap<>();
		String pit = MessageJson.mapper()
			.readTree(post(http, elasticsearchUrl + "/content/_pit?keep_alive=2m", ""))
			.get("id")
			.asString();
		List<Object> after = null;
		while (true) {
			Map<String, Object> query = new TreeMap<>();
			query.put("size", 5000);
			query.put("_source", List.of("revision", "status"));
			query.put("version", true);
			query.put("pit", Map.of("id", pit, "keep_alive", "2m"));
			query.put("sort", List.of(Map.of("_shard_doc", "asc")));
			if (after != null) {
				query.put("search_after", after);
			}
			JsonNode response = MessageJson.mapper()
				.readTree(post(http, elasticsearchUrl + "/_search", MessageJson.mapper().writeValueAsString(query)));
			JsonNode hits = response.path("hits").path("hits");
			if (hits.isEmpty()) {
				break;
			}
			for (JsonNode hit : hits) {
				JsonNode source = hit.get("_source");
				indexed.put(hit.get("_id").asString(),
						new Expected(source.get("revision").asLong(), source.get("status").asString()));
				after = new ArrayList<>();
				for (JsonNode value : hit.get("sort")) {
					after.add(value.isNumber() ? value.asLong() : value.asString());
				}
			}
			pit = response.path("pit_id").asString(pit);
		}
		return indexed;
	}

	/** Compares, and returns the differences (empty when the index is exact). */
	/**
	 * Compares until the index matches the topics, as indexing catches up after a fault.
	 * @throws AssertionError if it still does not after {@code limit}
	 */
	static Result awaitExact(String bootstrapServers, String elasticsearchUrl, java.time.Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		Result audit;
		do {
			audit = compare(bootstrapServers, elasticsearchUrl);
			if (audit.exact()) {
				return audit;
			}
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while the index caught up", ex);
			}
		}
		while (System.nanoTime() < deadline);
		throw new AssertionError("The index does not match the topics: " + audit);
	}

	static Result compare(String bootstrapServers, String elasticsearchUrl) {
		Map<String, Expected> expected = expected(bootstrapServers);
		Map<String, Expected> indexed = indexed(elasticsearchUrl);
		List<String> lost = new ArrayList<>();
		List<String> stale = new ArrayList<>();
		List<String> extra = new ArrayList<>();
		expected.forEach((key, want) -> {
			Expected have = indexed.get(key);
			if (have == null) {
				lost.add(key);
			}
			else if (have.revision() != want.revision() || !have.status().equals(want.status())) {
				stale.add(key + " has " + have + ", topics say " + want);
			}
		});
		indexed.keySet().stream().filter((key) -> !expected.containsKey(key)).forEach(extra::add);
		return new Result(expected.size(), indexed.size(), lost, stale, extra);
	}

	private static String post(HttpClient http, String uri, String body) {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A document's revision and status.
	 *
	 * @param revision the revision
	 * @param status {@code published}, {@code withdrawn} or {@code gone}
	 */
	record Expected(long revision, String status) {
	}

	/**
	 * The comparison.
	 *
	 * @param expected documents the topics call for
	 * @param indexed documents in the index
	 * @param lost in the topics, not in the index
	 * @param stale in the index with an older revision or another status
	 * @param extra in the index, not in the topics
	 */
	record Result(int expected, int indexed, List<String> lost, List<String> stale, List<String> extra) {

		boolean exact() {
			return this.lost.isEmpty() && this.stale.isEmpty() && this.extra.isEmpty();
		}

		@Override
		public String toString() {
			return "expected " + this.expected + ", indexed " + this.indexed + ", lost " + this.lost.size() + ", stale "
					+ this.stale.size() + ", extra " + this.extra.size()
					+ (exact() ? "" : " — e.g. " + first(this.lost) + first(this.stale) + first(this.extra));
		}

		private static String first(List<String> list) {
			return list.isEmpty() ? "" : list.get(0) + " ";
		}

	}

}
