package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import io.chancery.contracts.Article;
import io.chancery.contracts.Attribution;
import io.chancery.contracts.ChangeAction;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MajorChange;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.contracts.Withdrawal;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every accepted change of an article or event is attributed to the credential that made
 * it and kept on {@code content-revisions} in the same transaction, on the real broker:
 * the source topic keeps the newest revision per item, the revisions topic every one.
 */
@IngestIntegrationTest
class EditorialRecordIntegrationTests {

	@Autowired
	private IngestClient client;

	private final String id = "er-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void fourChangesByTwoKeysAreKeptWithTheirAuthorsAndNotes() throws Exception {
		String path = "/api/v1/articles/" + this.id + "/en";
		assertThat(this.client.asEditor("POST", "/api/v1/articles", Fixtures.article(this.id, "en", "Remarks"))
			.statusCode()).isEqualTo(201);
		HttpResponse<String> corrected = this.client.send("PUT", path, "application/json",
				withChange(Fixtures.article(this.id, "en", "Remarks at the reception"),
						"{\"note\":\"The title names the occasion\",\"major\":true}"),
				"X-Api-Key", IngestClient.ADMIN_KEY, "If-Match", "\"1\"", "Idempotency-Key", "er-put-" + this.id);
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		assertThat(
				this.client
					.asEditor("PUT", path,
							withChange(Fixtures.article(this.id, "en", "Remarks at the reception"),
									"{\"note\":\"A typo\"}"),
							"If-Match", "\"2\"")
					.statusCode())
			.isEqualTo(200);
		assertThat(this.client.asEditor("DELETE", path, null, "If-Match", "\"3\"").statusCode()).isEqualTo(200);

		List<ConsumerRecord<String, byte[]>> revisions = TopicRecords.read(
				Infrastructure.shared().kafkaBootstrapServers(), Topic.CONTENT_REVISIONS,
				(key) -> key.equals("articles/" + this.id + ":en"));

		assertThat(revisions).extracting((record) -> TopicRecords.header(record, EventType.HEADER))
			.containsExactly("article-published", "article-published", "article-published", "article-withdrawn");
		Article first = MessageJson.mapper().readValue(revisions.get(0).value(), Article.class);
		Article second = MessageJson.mapper().readValue(revisions.get(1).value(), Article.class);
		Article minor = MessageJson.mapper().readValue(revisions.get(2).value(), Article.class);
		Withdrawal third = MessageJson.mapper().readValue(revisions.get(3).value(), Withdrawal.class);
		assertThat(List.of(first.revision(), second.revision(), minor.revision(), third.revision())).containsExactly(1L,
				2L, 3L, 4L);
		assertThat(first.title()).isEqualTo("Remarks");
		assertThat(second.title()).isEqualTo("Remarks at the reception");
		assertThat(List.of(first.change(), second.change(), minor.change(), third.change()))
			.extracting(Attribution::author)
			.containsExactly("api-key:test-editor", "api-key:test-admin", "api-key:test-editor", "api-key:test-editor");
		assertThat(List.of(first.change(), second.change(), minor.change(), third.change()))
			.extracting(Attribution::action)
			.containsExactly(ChangeAction.PUBLISHED, ChangeAction.CHANGED, ChangeAction.CHANGED,
					ChangeAction.WITHDRAWN);
		assertThat(second.change().note()).isEqualTo("The title names the occasion");
		assertThat(second.change().major()).isTrue();
		assertThat(second.change().idempotencyKey()).isEqualTo("er-put-" + this.id);
		assertThat(first.change().major()).isFalse();
		// The major change is the item's latest until another; the minor one carries it
		// on.
		assertThat(first.majorChange()).isNull();
		assertThat(second.majorChange())
			.isEqualTo(new MajorChange(second.change().at(), "The title names the occasion"));
		assertThat(minor.change().note()).isEqualTo("A typo");
		assertThat(minor.majorChange()).isEqualTo(second.majorChange());
		assertThat(TopicRecords.header(revisions.get(2), "major-change")).contains("The title names the occasion");
		// The source topic holds the same messages: the record travels with the content.
		assertThat(TopicRecords.read(Infrastructure.shared().kafkaBootstrapServers(), Topic.ARTICLES,
				(key) -> key.equals(this.id + ":en")))
			.extracting(ConsumerRecord::value)
			.containsExactly(revisions.get(0).value(), revisions.get(1).value(), revisions.get(2).value(),
					revisions.get(3).value());
	}

	@Test
	void aMajorChangeWithoutANoteIsRefusedAndWritesNothing() throws Exception {
		HttpResponse<String> refused = this.client.asEditor("POST", "/api/v1/articles",
				withChange(Fixtures.article(this.id, "en", "Remarks"), "{\"major\":true}"));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.body()).contains("change.note");
		assertThat(TopicRecords.read(Infrastructure.shared().kafkaBootstrapServers(), Topic.CONTENT_REVISIONS,
				(key) -> key.endsWith(this.id + ":en")))
			.isEmpty();
	}

	@Test
	void anImportedLineIsRecordedWithItsImport() throws Exception {
		String line = "{\"type\":\"event\"," + Fixtures.event(this.id, "en").replace("\n", " ").strip().substring(1);
		HttpResponse<String> imported = this.client.send("POST", "/api/v1/import", "application/x-ndjson", line,
				"X-Api-Key", IngestClient.EDITOR_KEY, "Import-Id", "catalog-" + this.id);
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

		List<ConsumerRecord<String, byte[]>> revisions = TopicRecords.read(
				Infrastructure.shared().kafkaBootstrapServers(), Topic.CONTENT_REVISIONS,
				(key) -> key.equals("events/" + this.id + ":en"));

		assertThat(revisions).hasSize(1);
		Attribution change = MessageJson.mapper()
			.readValue(revisions.get(0).value(), io.chancery.contracts.Event.class)
			.change();
		assertThat(change.importId()).isEqualTo("catalog-" + this.id);
		assertThat(change.author()).isEqualTo("api-key:test-editor");
		assertThat(change.action()).isEqualTo(ChangeAction.PUBLISHED);
	}

	@Test
	void aDraftIsSavedThenPublishedAndAPublishedItemNeverBecomesADraftAgain() throws Exception {
		String path = "/api/v1/articles/" + this.id + "/en";
		String draft = withField(Fixtures.article(this.id, "en", "Remarks"), "\"draft\":true");
		assertThat(this.client.asEditor("POST", "/api/v1/articles", draft).statusCode()).isEqualTo(201);
		HttpResponse<String> noted = this.client.asEditor("DELETE", path + "?note=Superseded", null);
		assertThat(noted.statusCode()).as(noted.body()).isEqualTo(409);
		assertThat(noted.body()).contains("is a draft");
		assertThat(this.client.asEditor("PUT", path, draft, "If-Match", "\"1\"").statusCode()).isEqualTo(200);
		assertThat(this.client.asEditor("PUT", path, Fixtures.article(this.id, "en", "Remarks"), "If-Match", "\"2\"")
			.statusCode()).isEqualTo(200);

		HttpResponse<String> back = this.client.asEditor("PUT", path, draft, "If-Match", "\"3\"");

		assertThat(back.statusCode()).as(back.body()).isEqualTo(409);
		assertThat(back.body()).contains("cannot become a draft again");
		List<ConsumerRecord<String, byte[]>> revisions = TopicRecords.read(
				Infrastructure.shared().kafkaBootstrapServers(), Topic.CONTENT_REVISIONS,
				(key) -> key.equals("articles/" + this.id + ":en"));
		List<Article> messages = revisions.stream()
			.map((record) -> MessageJson.mapper().readValue(record.value(), Article.class))
			.toList();
		assertThat(messages).extracting(Article::status)
			.containsExactly(ContentStatus.DRAFT, ContentStatus.DRAFT, ContentStatus.PUBLISHED);
		assertThat(messages).extracting((message) -> message.change().action())
			.containsExactly(ChangeAction.DRAFTED, ChangeAction.DRAFTED, ChangeAction.PUBLISHED);
		assertThat(revisions).extracting((record) -> TopicRecords.header(record, "draft"))
			.containsExactly("true", "true", null);
		HttpResponse<String> invalid = this.client.asEditor("POST", "/api/v1/articles", withField(
				Fixtures.article(this.id + "-w", "en", "Remarks"), "\"draft\":true,\"withdrawal\":{\"note\":\"x\"}"));
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("\"draft\"");
	}

	private static String withChange(String json, String change) {
		return withField(json, "\"change\":" + change);
	}

	private static String withField(String json, String field) {
		return json.strip().substring(0, json.strip().length() - 1) + "," + field + "}";
	}

}
