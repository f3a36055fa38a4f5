package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup holds every record the source topics keep, as import lines; imported by an
 * admin into a platform without those items it publishes the same history at the same
 * revisions, and imported where they exist it changes nothing.
 */
@IngestIntegrationTest
class BackupIntegrationTests {

	@Autowired
	private IngestClient client;

	@Test
	void theExportRestoresTheSameHistoryAndARestoreRunTwiceChangesNothing() throws Exception {
		String run = "bk" + UUID.randomUUID().toString().substring(0, 6);
		// A history: an article edited then withdrawn with a note, one withdrawn for
		// good,
		// an event with its counter.
		assertThat(this.client
			.asEditor("PUT", "/api/v1/articles/" + run + "-a/en", Fixtures.article(run + "-a", "en", "First words"))
			.statusCode()).isIn(200, 201);
		assertThat(this.client
			.asEditor("PUT", "/api/v1/articles/" + run + "-a/en", Fixtures.article(run + "-a", "en", "Second thoughts"))
			.statusCode()).isEqualTo(200);
		assertThat(
				this.client.asEditor("DELETE", "/api/v1/articles/" + run + "-a/en?note=Superseded", null).statusCode())
			.isEqualTo(200);
		assertThat(this.client
			.asEditor("PUT", "/api/v1/articles/" + run + "-b/ru", Fixtures.article(run + "-b", "ru", "Gone soon"))
			.statusCode()).isIn(200, 201);
		assertThat(this.client.asEditor("DELETE", "/api/v1/articles/" + run + "-b/ru", null).statusCode())
			.isEqualTo(200);
		assertThat(this.client.asEditor("PUT", "/api/v1/events/" + run + "-e/en", Fixtures.event(run + "-e", "en"))
			.statusCode()).isIn(200, 201);

		assertThat(this.client.asEditor("GET", "/api/v1/admin/export", null).statusCode()).isEqualTo(403);
		HttpResponse<String> export = this.client.send("GET", "/api/v1/admin/export", null, null, "X-Api-Key",
				IngestClient.ADMIN_KEY);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/x-ndjson"));
		List<String> ours = export.body().lines().filter((line) -> line.contains("\"" + run + "-")).toList();
		assertThat(ours).extracting((line) -> summary(MessageJson.mapper().readTree(line)))
			.containsExactlyInAnyOrder("article-published " + run + "-a 1 published",
					"article-published " + run + "-a 2 published", "article-published " + run + "-a 3 withdrawn",
					"article-published " + run + "-b 1 published", "article-withdrawn " + run + "-b 2 -",
					"event-published " + run + "-e 1 published");

		// Where the items are, the restore changes nothing.
		int before = records(run).size();
		JsonNode again = importLines(this.client, ours, IngestClient.ADMIN_KEY, 200);
		assertThat(again.get("accepted").asLong()).isEqualTo(ours.size());
		assertThat(records(run)).hasSize(before);

		// Where they are not (the same lines under other ids, as in an empty platform),
		// it publishes the same history at the same revisions; an editor may not.
		String copy = "bc" + run.substring(2);
		List<String> elsewhere = ours.stream()
			.map((line) -> line.replace("\"" + run + "-", "\"" + copy + "-"))
			.toList();
		JsonNode refused = importLines(this.client, elsewhere, IngestClient.EDITOR_KEY, 422);
		assertThat(refused.get("rejections").get(0).get("reason").asString()).contains("admin");
		JsonNode restored = importLines(this.client, elsewhere, IngestClient.ADMIN_KEY, 200);
		assertThat(restored.get("accepted").asLong()).isEqualTo(ours.size());
		List<String> original = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records(run)) {
			original.add(summary(record).replace(run + "-", "*-"));
		}
		List<String> copied = new ArrayList<>();
		for (ConsumerRecord<String, byte[]> record : records(copy)) {
			copied.add(summary(record).replace(copy + "-", "*-"));
		}
		assertThat(copied).containsExactlyElementsOf(original);
		// The editorial record comes back with it: the same revisions, by the same
		// author.
		List<ConsumerRecord<String, byte[]>> record = TopicRecords.read(Infrastructure.shared().kafkaBootstrapServers(),
				Topic.CONTENT_REVISIONS, (key) -> key.contains("/" + copy + "-"));
		assertThat(record).hasSize(ours.size());
		assertThat(record).extracting(
				(revision) -> MessageJson.mapper().readTree(revision.value()).path("change").path("author").asString())
			.containsOnly("api-key:test-editor");
	}

	private static JsonNode importLines(IngestClient client, List<String> lines, String key, int status)
			throws Exception {
		HttpResponse<String> response = client.send("POST", "/api/v1/import", "application/x-ndjson",
				String.join("\n", lines), "X-Api-Key", key);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return MessageJson.mapper().readTree(response.body());
	}

	/**
	 * Every record of the run's items, articles then events, each in its partition's
	 * order.
	 */
	private static List<ConsumerRecord<String, byte[]>> records(String run) {
		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		for (Topic topic : List.of(Topic.ARTICLES, Topic.EVENTS)) {
			records.addAll(TopicRecords.read(bootstrap, topic, (key) -> key.startsWith(run + "-")));
		}
		records.sort(java.util.Comparator.comparing(ConsumerRecord<String, byte[]>::key)
			.thenComparingLong(ConsumerRecord::offset));
		return records;
	}

	private static String summary(ConsumerRecord<String, byte[]> record) {
		JsonNode message = MessageJson.mapper().readTree(record.value());
		return TopicRecords.header(record, "event-type") + " " + message.get("id").asString() + " "
				+ message.get("revision").asLong() + " " + message.path("status").asString("-") + " "
				+ message.path("title").asString("") + " " + message.path("withdrawal").path("note").asString("");
	}

	private static String summary(JsonNode line) {
		JsonNode message = line.get("message");
		return line.get("eventType").asString() + " " + message.get("id").asString() + " "
				+ message.get("revision").asLong() + " " + message.path("status").asString("-");
	}

}
