package io.chancery.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chancery.contracts.MessageJson;
import io.chancery.localrun.LocalPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editorial record through the gateway, on the whole platform: three changes by two
 * keys are listed with their authors and notes, the diff names the changed words, a
 * restore publishes the old text as a new revision, a full reindex leaves the record as
 * it was, and only editors and admins read it.
 */
@org.junit.jupiter.api.Order(2)
class EditorialRecordTests {

	private static final Duration RECORDED_WITHIN = Duration.ofSeconds(10);

	private static Gateway gateway;

	private final String id = "rec-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void stack() {
		LocalPlatform platform = Stack.get();
		gateway = new Gateway(platform.gatewayUrl(), platform.editorKey(), platform.adminKey());
	}

	@Test
	void changesAreRecordedComparedRestoredAndKeptThroughAReindex() {
		String path = "/api/v1/articles/" + this.id + "/en";
		String record = "/api/v1/editorial/articles/" + this.id + "/en";
		String item = "/api/v1/articles/" + this.id + "?locale=en";
		assertThat(gateway.send("POST", "/api/v1/articles", json(article("Remarks", "It is an honour.", null)))
			.statusCode()).isEqualTo(201);
		// Never changed: updated when it was published, whenever it reached the platform.
		SystemTests.awaitWithin(RECORDED_WITHIN, "published",
				() -> gateway.get(item).path("updatedAt").asString().equals("2024-05-01T07:00:00Z"));
		HttpResponse<String> corrected = gateway.asAdmin("PUT", path, json(article("Remarks at the reception",
				"It is a great pleasure.", Map.of("note", "Named the occasion", "major", true))), "If-Match", "\"1\"");
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		assertThat(gateway
			.send("PUT", path, json(article("Remarks at the reception", "It is a great pleasure, again.", null)),
					"If-Match", "\"2\"")
			.statusCode()).isEqualTo(200);

		JsonNode three = awaitRevisions(record, 3);
		// The major change is told to readers, and the minor one after it carries it on.
		SystemTests.awaitWithin(RECORDED_WITHIN, "the minor change public",
				() -> gateway.get(item).path("body").asString().contains("again"));
		JsonNode public3 = gateway.get(item);
		assertThat(public3.path("updateNote").asString()).isEqualTo("Named the occasion");
		assertThat(public3.path("updatedAt").asString())
			.isEqualTo(three.path("revisions").get(1).path("at").asString());
		String page = gateway.raw("/articles/" + this.id + "?locale=en").body();
		assertThat(page).contains("class=\"note update\"", "Named the occasion");
		assertThat(values(three.path("revisions"), "author")).containsExactly("api-key:local-editor",
				"api-key:local-admin", "api-key:local-editor");
		assertThat(values(three.path("revisions"), "action")).containsExactly("changed", "changed", "published");
		assertThat(three.path("revisions").get(1).path("note").asString()).isEqualTo("Named the occasion");

		JsonNode diff = gateway.get(record + "/diff?from=1&to=2", true);
		assertThat(diff.path("fields").get(0).path("parts").toString()).contains("\"added\"", "\" at the reception\"");
		assertThat(diff.path("fields").get(2).path("parts").toString()).contains("\"removed\"", "an honour");

		HttpResponse<String> stale = gateway.send("POST", path + "/revisions/1/restore", null, "If-Match", "\"2\"");
		assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
		assertThat(gateway.send("POST", path + "/revisions/99/restore", null, "If-Match", "\"3\"").statusCode())
			.isEqualTo(404);
		HttpResponse<String> restored = gateway.send("POST", path + "/revisions/1/restore",
				json(Map.of("note", "Back to the text as delivered")), "If-Match", "\"3\"");
		assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
		assertThat(restored.headers().firstValue("ETag")).contains("\"4\"");
		SystemTests.awaitWithin(RECORDED_WITHIN, "the restored text public",
				() -> gateway.get("/api/v1/articles/" + this.id + "?locale=en")
					.path("title")
					.asString()
					.equals("Remarks"));
		JsonNode four = awaitRevisions(record, 4);
		assertThat(four.path("revisions").get(0).path("action").asString()).isEqualTo("restored");
		assertThat(four.path("revisions").get(0).path("restoredFrom").asLong()).isEqualTo(1);
		assertThat(gateway.get(record + "/revisions/4", true).path("message").path("body").asString())
			.isEqualTo("<p>It is an honour.</p>");

		assertThat(gateway.raw(record + "/revisions").statusCode()).isEqualTo(401);
		assertThat(gateway.send("GET", "/api/v1/editorial/audit?item=articles/" + this.id, null).statusCode())
			.isEqualTo(403);
		HttpResponse<String> audit = gateway.admin("GET", "/api/v1/editorial/audit?item=articles/" + this.id);
		assertThat(MessageJson.mapper().readTree(audit.body()).path("total").asLong()).isEqualTo(4);
		HttpResponse<String> csv = gateway.admin("GET", "/api/v1/editorial/audit.csv?item=articles/" + this.id);
		assertThat(csv.body().lines()).hasSize(5);

		HttpResponse<String> reindex = gateway.admin("POST", "/api/v1/admin/reindex");
		assertThat(reindex.statusCode()).as(reindex.body()).isIn(200, 202);
		SystemTests.awaitWithin(Duration.ofMinutes(5), "the reindex done",
				() -> MessageJson.mapper()
					.readTree(gateway.admin("GET", "/api/v1/admin/reindex").body())
					.path("state")
					.asString()
					.equals("done"));
		assertThat(gateway.get(record + "/revisions", true)).isEqualTo(four);
	}

	@Test
	void aDraftIsReadByEditorsAndThroughAPreviewLinkOnlyUntilItIsPublished() {
		String id = this.id + "-d";
		Map<String, Object> draft = article("Draft remarks", "Not yet.", null);
		draft.put("id", id);
		draft.put("draft", true);
		assertThat(gateway.send("POST", "/api/v1/articles", json(draft)).statusCode()).isEqualTo(201);
		String mirror = "/api/v1/editorial/articles/" + id + "/en";
		SystemTests.awaitWithin(RECORDED_WITHIN, "the draft indexed",
				() -> gateway.get(mirror, true).path("status").asString().equals("draft"));

		assertThat(gateway.raw("/api/v1/articles/" + id + "?locale=en").statusCode()).isEqualTo(404);
		assertThat(gateway.raw("/articles/" + id + "?locale=en").statusCode()).isEqualTo(404);
		assertThat(gateway.raw(mirror).statusCode()).isEqualTo(401);
		HttpResponse<String> link = gateway.send("POST", mirror + "/preview-link", null);
		assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
		String url = MessageJson.mapper().readTree(link.body()).path("url").asString();
		assertThat(url).startsWith(gateway.base() + "/preview/articles/" + id + "?locale=en&token=");
		HttpResponse<String> page = gateway.raw(url.substring(gateway.base().length()));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Draft remarks", "note note-warning preview", "noindex");
		assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
		HttpResponse<String> altered = gateway.raw(url.substring(gateway.base().length()) + "x");
		assertThat(altered.statusCode()).isEqualTo(401);

		draft.remove("draft");
		assertThat(gateway.send("PUT", "/api/v1/articles/" + id + "/en", json(draft), "If-Match", "\"1\"").statusCode())
			.isEqualTo(200);
		SystemTests.awaitWithin(Duration.ofSeconds(2), "the published draft public",
				() -> gateway.raw("/api/v1/articles/" + id + "?locale=en").statusCode() == 200);
	}

	private static JsonNode awaitRevisions(String record, int count) {
		SystemTests.awaitWithin(RECORDED_WITHIN, count + " revisions recorded",
				() -> gateway.get(record + "/revisions", true).path("revisions").size() == count);
		return gateway.get(record + "/revisions", true);
	}

	private Map<String, Object> article(String title, String body, Map<String, Object> change) {
		Map<String, Object> article = new LinkedHashMap<>();
		article.put("id", this.id);
		article.put("locale", "en");
		article.put("kind", "speech");
		article.put("title", title);
		article.put("lead", "A lead");
		article.put("body", "<p>" + body + "</p>");
		article.put("publishedAt", "2024-05-01T10:00:00+03:00");
		article.put("timeZone", "Europe/London");
		if (change != null) {
			article.put("change", change);
		}
		return article;
	}

	private static List<String> values(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach((element) -> values.add(element.path(field).asString()));
		return values;
	}

	private static String json(Object value) {
		return MessageJson.mapper().writeValueAsString(value);
	}

}
