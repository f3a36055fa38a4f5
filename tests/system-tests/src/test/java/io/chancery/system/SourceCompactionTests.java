package io.chancery.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chancery.contracts.ContentKey;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.kafka.TopicContents;
import io.chancery.localrun.LocalPlatform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editorial record outlives compaction of the source topic: the broker compacts
 * {@code articles} down to an item's newest revisions, and the record still lists every
 * revision with its author. Runs after the other system tests, since it makes the broker
 * compact the topic they read (and puts its settings back).
 */
@Order(7)
class SourceCompactionTests {

	/**
	 * A segment per write, and every dirty segment compacted at the cleaner's next pass.
	 * The dirty ratio alone does not do it: a pass that falls between the item's writes
	 * cleans the topic's thousands of other records, after which the few dirty revisions
	 * left are far below any ratio, and only the maximum lag makes them due.
	 */
	private static final Map<String, String> COMPACT_NOW = Map.of("segment.ms", "100", "min.cleanable.dirty.ratio",
			"0.01", "min.compaction.lag.ms", "0", "max.compaction.lag.ms", "100");

	@Test
	void theRecordKeepsEveryRevisionTheCompactedSourceTopicNoLongerHolds() throws Exception {
		LocalPlatform platform = Stack.get();
		Gateway gateway = new Gateway(platform.gatewayUrl(), platform.editorKey(), platform.adminKey());
		String id = "cmp-" + UUID.randomUUID().toString().substring(0, 8);
		ConfigResource articles = new ConfigResource(ConfigResource.Type.TOPIC, Topic.ARTICLES.wireName());
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
			alter(admin, articles, AlterConfigOp.OpType.SET);
			try {
				for (int revision = 1; revision <= 5; revision++) {
					// Each write comes after segment.ms, so it starts a segment: the ones
					// before it can be compacted.
					Thread.sleep(300);
					HttpResponse<String> written = gateway.send("PUT", "/api/v1/articles/" + id + "/en",
							article(id, "Remarks, version " + revision),
							(revision > 1) ? new String[] { "If-Match", "\"" + (revision - 1) + "\"" } : new String[0]);
					assertThat(written.statusCode()).as(written.body()).isIn(200, 201);
				}
				SystemTests.awaitWithin(Duration.ofSeconds(120), "the broker compacted the item's first revisions",
						() -> sourceRevisions(platform, ContentKey.of(id, "en")).stream().allMatch((r) -> r >= 4));
			}
			finally {
				alter(admin, articles, AlterConfigOp.OpType.DELETE);
			}
		}
		System.out.printf("[system] articles after compaction holds revisions %s of %s%n",
				sourceRevisions(platform, ContentKey.of(id, "en")), id);

		JsonNode record = gateway.get("/api/v1/editorial/articles/" + id + "/en/revisions", true);
		List<Long> revisions = new ArrayList<>();
		record.path("revisions").forEach((revision) -> revisions.add(revision.path("revision").asLong()));
		assertThat(revisions).containsExactly(5L, 4L, 3L, 2L, 1L);
		assertThat(gateway.get("/api/v1/editorial/articles/" + id + "/en/revisions/1", true)
			.path("message")
			.path("title")
			.asString()).isEqualTo("Remarks, version 1");
		assertThat(record.path("revisions").get(4).path("author").asString()).isEqualTo("api-key:local-editor");
	}

	private static void alter(Admin admin, ConfigResource topic, AlterConfigOp.OpType op) throws Exception {
		Collection<AlterConfigOp> ops = COMPACT_NOW.entrySet()
			.stream()
			.map((entry) -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()), op))
			.toList();
		admin.incrementalAlterConfigs(Map.of(topic, ops)).all().get();
	}

	/** The revisions of one item the source topic holds now. */
	private static List<Long> sourceRevisions(LocalPlatform platform, String key) {
		return TopicContents.read(platform.kafkaBootstrapServers(), Topic.ARTICLES.wireName())
			.stream()
			.filter((record) -> key.equals(record.key()))
			.map((record) -> MessageJson.mapper().readTree(record.value()).path("revision").asLong())
			.toList();
	}

	private static String article(String id, String title) {
		return MessageJson.mapper()
			.writeValueAsString(Map.of("id", id, "locale", "en", "kind", "speech", "title", title, "lead", "A lead",
					"body", "<p>The ambassador spoke.</p>", "publishedAt", "2024-05-01T10:00:00+03:00", "timeZone",
					"Europe/London"));
	}

}
