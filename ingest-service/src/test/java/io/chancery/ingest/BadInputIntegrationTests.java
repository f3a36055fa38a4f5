package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.util.UUID;

import io.chancery.contracts.Topic;
import io.chancery.infrastructure.Infrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad input gets a 4xx problem with the field at fault, and nothing reaches Kafka. */
@IngestIntegrationTest
class BadInputIntegrationTests {

	@Autowired
	private IngestClient client;

	private final String id = "bad-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void everyBrokenRuleIsReportedWithItsFieldPath() throws Exception {
		String body = Fixtures.article(this.id, "fr", "")
			.replace("\"speech\"", "\"podcast\"")
			.replace("Europe/London", "Mars/Olympus")
			.replace("https://example.org/speeches/142", "javascript:alert(1)");
		HttpResponse<String> response = this.client.asEditor("POST", "/api/v1/articles", body);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(response.body()).contains("\"field\":\"locale\"", "\"field\":\"kind\"", "\"field\":\"title\"",
				"\"field\":\"timeZone\"", "\"field\":\"sourceUrl\"");
		assertNothingPublished();
	}

	@Test
	void aQueryParameterNoRouteDeclaresIs400AndNothingIsStored() throws Exception {
		HttpResponse<String> dryRun = this.client.asEditor("POST", "/api/v1/articles?dry-run=true",
				Fixtures.article(this.id, "en", "Not a dry run"));
		assertThat(dryRun.statusCode()).isEqualTo(400);
		assertThat(dryRun.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(dryRun.body()).contains("\"parameter\":\"dry-run\"", "\"accepted\":[]");
		HttpResponse<String> twice = this.client.asEditor("DELETE", "/api/v1/articles/" + this.id + "/en?note=a&note=b",
				null);
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(twice.body()).contains("\"parameter\":\"note\"", "is given more than once");
		assertNothingPublished();
	}

	@Test
	void malformedJsonAndWrongTypesAre400WithThePath() throws Exception {
		HttpResponse<String> broken = this.client.asEditor("POST", "/api/v1/articles", "{\"id\": ");
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(broken.body()).contains("\"status\":400");
		HttpResponse<String> wrongType = this.client.asEditor("POST", "/api/v1/events",
				Fixtures.event(this.id, "en").replace("\"2020-02-29\"", "\"2020-02-30\""));
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(wrongType.body()).contains("\"field\":\"date\"");
		HttpResponse<String> unknownField = this.client.asEditor("POST", "/api/v1/events",
				Fixtures.event(this.id, "en").replace("\"title\"", "\"titel\""));
		assertThat(unknownField.statusCode()).isEqualTo(400);
		assertThat(unknownField.body()).contains("titel");
		// A field given twice could be read differently by another reader: refused.
		HttpResponse<String> twice = this.client.asEditor("POST", "/api/v1/events",
				Fixtures.event(this.id, "en").replace("\"title\":", "\"title\":\"Hidden\",\"title\":"));
		assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
		assertThat(twice.body()).contains("title");
		assertNothingPublished();
	}

	@Test
	void controlCharactersBrokenUnicodeAndBidiOverridesAre400WithThePath() throws Exception {
		for (String hostile : new String[] { "Dr\\u0000ill", "Dr\\u0007ill", "Dr\\ud800ill", "\\u202eDrill" }) {
			HttpResponse<String> response = this.client.asEditor("POST", "/api/v1/articles",
					Fixtures.article(this.id, "en", "x").replace("\"title\":\"", "\"title\":\"" + hostile));
			assertThat(response.statusCode()).as(hostile).isEqualTo(400);
			assertThat(response.body()).contains("\"field\":\"title\"");
		}
		HttpResponse<String> unicode = this.client.asEditor("POST", "/api/v1/articles",
				Fixtures.article(this.id, "en", "x").replace("\"title\":\"", "\"title\":\"Ёлка 🎄 مرحبا\\t"));
		assertThat(unicode.statusCode()).as(unicode.body()).isEqualTo(201);
	}

	@Test
	void wrongContentTypeIs415AndOversizedBodyIs413() throws Exception {
		HttpResponse<String> text = this.client.send("POST", "/api/v1/articles", "text/plain",
				Fixtures.article(this.id, "en", "x"), "X-Api-Key", IngestClient.EDITOR_KEY);
		assertThat(text.statusCode()).isEqualTo(415);
		String huge = Fixtures.article(this.id, "en", "x").replace("Distinguished guests,", "a".repeat(1_100_000));
		HttpResponse<String> tooLarge = this.client.asEditor("POST", "/api/v1/articles", huge);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("\"status\":413");
		assertNothingPublished();
	}

	@Test
	void writesNeedAnEditorCredential() throws Exception {
		HttpResponse<String> anonymous = this.client.send("POST", "/api/v1/articles", "application/json",
				Fixtures.article(this.id, "en", "x"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("\"status\":401");
		HttpResponse<String> wrongKey = this.client.send("POST", "/api/v1/articles", "application/json",
				Fixtures.article(this.id, "en", "x"), "X-Api-Key", "not-a-key");
		assertThat(wrongKey.statusCode()).isEqualTo(401);
		HttpResponse<String> wrongRole = this.client.send("POST", "/api/v1/articles", "application/json",
				Fixtures.article(this.id, "en", "x"), "X-Api-Key", IngestClient.READER_KEY);
		assertThat(wrongRole.statusCode()).isEqualTo(403);
		assertThat(this.client.send("DELETE", "/api/v1/articles/" + this.id + "/en", null, null).statusCode())
			.isEqualTo(401);
		assertThat(this.client.send("PUT", "/api/v1/site/en", "application/json", "{}").statusCode()).isEqualTo(401);
		assertThat(this.client.send("POST", "/api/v1/import", "application/x-ndjson", "{}").statusCode())
			.isEqualTo(401);
		assertNothingPublished();
	}

	@Test
	void badHeadersAre400() throws Exception {
		assertThat(this.client
			.asEditor("PUT", "/api/v1/articles/" + this.id + "/en", Fixtures.article(this.id, "en", "x"), "If-Match",
					"yesterday")
			.statusCode()).isEqualTo(400);
		assertThat(this.client
			.asEditor("POST", "/api/v1/articles", Fixtures.article(this.id, "en", "x"), "Idempotency-Key",
					"x".repeat(300))
			.statusCode()).isEqualTo(400);
		assertNothingPublished();
	}

	@Test
	void ifMatchWithNothingToMatchIs412() throws Exception {
		HttpResponse<String> create = this.client.asEditor("POST", "/api/v1/articles",
				Fixtures.article(this.id, "en", "x"), "If-Match", "\"1\"");
		assertThat(create.statusCode()).as(create.body()).isEqualTo(412);
		assertThat(create.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		HttpResponse<String> imported = this.client.send("POST", "/api/v1/import", "application/x-ndjson",
				Fixtures.article(this.id, "en", "x")
					.replace("\n", "")
					.replace("{\"id\"", "{\"type\":\"article\",\"id\"") + "\n",
				"X-Api-Key", IngestClient.EDITOR_KEY, "If-Match", "\"1\"");
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(412);
		assertNothingPublished();
	}

	@Test
	void anImportThatStoresNothingIsAProblem() throws Exception {
		HttpResponse<String> rejected = this.client.send("POST", "/api/v1/import", "application/x-ndjson",
				"{\"type\":\"article\"}\nnot json\n[]\n", "X-Api-Key", IngestClient.EDITOR_KEY);
		assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(422);
		assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(rejected.body()).contains("\"lines\":3", "\"rejected\":3", "\"line\":2");
		HttpResponse<String> empty = this.client.send("POST", "/api/v1/import", "application/x-ndjson", "", "X-Api-Key",
				IngestClient.EDITOR_KEY);
		assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
		assertNothingPublished();
	}

	private void assertNothingPublished() {
		assertThat(TopicRecords.read(Infrastructure.shared().kafkaBootstrapServers(), Topic.ARTICLES,
				(key) -> key.startsWith(this.id)))
			.isEmpty();
		assertThat(TopicRecords.read(Infrastructure.shared().kafkaBootstrapServers(), Topic.EVENTS,
				(key) -> key.startsWith(this.id)))
			.isEmpty();
	}

}
