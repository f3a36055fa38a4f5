package io.chancery.search;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.chancery.contracts.Article;
import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.Attribution;
import io.chancery.contracts.ChangeAction;
import io.chancery.contracts.ContentKey;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MajorChange;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Withdrawal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The editorial record from {@code content-revisions} on the real broker, indexed in the
 * real Elasticsearch and read back through the service's routes: every revision with its
 * author and note, any one whole, the words that changed, the audit by author and as CSV,
 * and who may read which.
 */
@SearchIntegrationTest
class EditorialRecordIntegrationTests {

	@LocalServerPort
	private int port;

	private final String id = "er-" + UUID.randomUUID().toString().substring(0, 8);

	private final String author = "api-key:press-" + this.id;

	@Test
	void threeChangesByTwoAuthorsReadBackWithTheirNotesAndTheirDifferences() throws Exception {
		try (Content content = new Content(this.port)) {
			keepThreeRevisions(content);
			String revisions = "/api/v1/editorial/articles/" + this.id + "/en/revisions";
			JsonNode list = await().atMost(Duration.ofSeconds(60)).until(() -> {
				HttpResponse<String> answer = content.send(revisions, "X-Api-Key", Content.EDITOR_KEY);
				return (answer.statusCode() == 200) ? MessageJson.mapper().readTree(answer.body()) : null;
			}, (answer) -> answer != null && answer.path("revisions").size() == 3);

			assertThat(values(list.path("revisions"), "revision")).containsExactly("3", "2", "1");
			assertThat(values(list.path("revisions"), "author")).containsExactly("api-key:desk-" + this.id, this.author,
					this.author);
			assertThat(values(list.path("revisions"), "action")).containsExactly("withdrawn", "changed", "published");
			assertThat(list.path("revisions").get(1).path("note").asString()).isEqualTo("Named the occasion");
			assertThat(list.path("revisions").get(1).path("major").asBoolean()).isTrue();
			assertThat(list.path("revisions").get(0).has("message")).isFalse();

			HttpResponse<String> first = content.send(revisions + "/1", "X-Api-Key", Content.EDITOR_KEY);
			assertThat(first.statusCode()).isEqualTo(200);
			Article message = MessageJson.mapper()
				.treeToValue(MessageJson.mapper().readTree(first.body()).path("message"), Article.class);
			assertThat(message.title()).isEqualTo("Remarks");
			assertThat(message.body()).isEqualTo("<p>It is an honour to welcome you.</p>");

			JsonNode diff = MessageJson.mapper()
				.readTree(content
					.send("/api/v1/editorial/articles/" + this.id + "/en/diff?from=1&to=2", "X-Api-Key",
							Content.EDITOR_KEY)
					.body());
			assertThat(diff.path("fields").get(0).path("parts").toString()).isEqualTo(
					"[{\"op\":\"same\",\"text\":\"Remarks\"},{\"op\":\"added\",\"text\":\" at the reception\"}]");
			JsonNode body = diff.path("fields").get(2);
			assertThat(body.path("field").asString()).isEqualTo("body");
			assertThat(joined(body.path("parts"), "removed")).isEqualTo("honour");
			assertThat(joined(body.path("parts"), "added")).isEqualTo("great pleasure");
			assertThat(diff.path("fields").get(1).path("changed").asBoolean()).isFalse();

			assertThat(content.send(revisions + "/7", "X-Api-Key", Content.EDITOR_KEY).statusCode()).isEqualTo(404);
			assertThat(content.send(revisions + "/x", "X-Api-Key", Content.EDITOR_KEY).statusCode()).isEqualTo(400);
			assertThat(content
				.send("/api/v1/editorial/articles/" + this.id + "/ru/revisions", "X-Api-Key", Content.EDITOR_KEY)
				.statusCode()).isEqualTo(404);
		}
	}

	@Test
	void theAuditSelectsByAuthorAndPeriodAndExportsCsvToAdminsOnly() throws Exception {
		try (Content content = new Content(this.port)) {
			keepThreeRevisions(content);
			String audit = "/api/v1/editorial/audit?author=" + this.author + "&from=2026-12-01&to=2026-12-02";
			JsonNode page = await().atMost(Duration.ofSeconds(60))
				.until(() -> content.adminGet(audit), (answer) -> answer.path("total").asLong() == 2);

			assertThat(values(page.path("changes"), "revision")).containsExactly("2", "1");
			assertThat(content.adminGet(audit + "&action=published").path("total").asLong()).isEqualTo(1);
			assertThat(content.adminGet("/api/v1/editorial/audit?item=articles/" + this.id).path("total").asLong())
				.isEqualTo(3);
			JsonNode firstOfOne = content.adminGet(audit + "&size=1");
			assertThat(values(firstOfOne.path("changes"), "revision")).containsExactly("2");
			JsonNode second = content.adminGet(audit + "&size=1&after=" + firstOfOne.path("after").asString());
			assertThat(values(second.path("changes"), "revision")).containsExactly("1");

			HttpResponse<String> csv = content.send(audit.replace("/audit?", "/audit.csv?"), "X-Api-Key",
					Content.ADMIN_KEY);
			assertThat(csv.statusCode()).isEqualTo(200);
			assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
			assertThat(csv.body().split("\r\n")).containsExactly(
					"at,action,author,authorName,type,id,locale,revision,major,note,importId",
					"2026-12-01T10:00:00Z,changed," + this.author + ",Press office,article," + this.id
							+ ",en,2,true,Named the occasion,",
					"2026-12-01T09:00:00Z,published," + this.author + ",Press office,article," + this.id
							+ ",en,1,false,\"'=HYPERLINK(\"\"x\"\"), first\",");

			assertThat(content.send(audit, "X-Api-Key", Content.EDITOR_KEY).statusCode()).isEqualTo(403);
			assertThat(content.send(audit).statusCode()).isEqualTo(401);
			assertThat(content.send("/api/v1/editorial/articles/" + this.id + "/en/revisions").statusCode())
				.isEqualTo(401);
			assertThat(content.send(audit + "&action=deleted", "X-Api-Key", Content.ADMIN_KEY).statusCode())
				.isEqualTo(400);
			assertThat(content.send(audit + "&colour=red", "X-Api-Key", Content.ADMIN_KEY).statusCode()).isEqualTo(400);
		}
	}

	@Test
	void aDraftIsHiddenFromReadersAndShownToEditorsAndThroughItsPreviewLinkOnly() throws Exception {
		try (Content content = new Content(this.port)) {
			String word = "draftword" + this.id.substring(3);
			Article published = Content.article(this.id, "en", 1, ArticleKind.STATEMENT, "Statement " + word, "A lead",
					"<p>Text</p>", "2026-12-01T12:00:00+03:00", List.of(), List.of());
			content.publish(new Article(this.id, "en", 1, published.kind(), ContentStatus.DRAFT, published.title(),
					published.lead(), published.body(), null, published.publishedAt(), published.timeZone(), null, null,
					List.of(), List.of(), null, null, published.updatedAt()));
			content.flush();
			String mirror = "/api/v1/editorial/articles/" + this.id + "/en";
			await().atMost(Duration.ofSeconds(60))
				.until(() -> content.send(mirror, "X-Api-Key", Content.EDITOR_KEY).statusCode() == 200);

			assertThat(MessageJson.mapper()
				.readTree(content.send(mirror, "X-Api-Key", Content.EDITOR_KEY).body())
				.path("status")
				.asString()).isEqualTo("draft");
			assertThat(content.send("/api/v1/articles/" + this.id + "?locale=en").statusCode()).isEqualTo(404);
			assertThat(content.get("/api/v1/search?q=" + word).path("total").asLong()).isZero();
			assertThat(content.send(mirror).statusCode()).isEqualTo(401);
			assertThat(content.post(mirror + "/preview-link").statusCode()).isEqualTo(401);

			HttpResponse<String> link = content.post(mirror + "/preview-link?hours=2", "X-Api-Key", Content.EDITOR_KEY);
			assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
			JsonNode issued = MessageJson.mapper().readTree(link.body());
			String token = issued.path("token").asString();
			assertThat(issued.path("url").asString())
				.isEqualTo("http://localhost:8080/preview/articles/" + this.id + "?locale=en&token=" + token);
			HttpResponse<String> preview = content
				.send("/api/v1/previews/articles/" + this.id + "?locale=en&token=" + token);
			assertThat(preview.statusCode()).isEqualTo(200);
			assertThat(preview.headers().firstValue("Cache-Control")).contains("no-store");
			assertThat(MessageJson.mapper().readTree(preview.body()).path("title").asString())
				.isEqualTo("Statement " + word);
			String altered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
			HttpResponse<String> refused = content
				.send("/api/v1/previews/articles/" + this.id + "?locale=en&token=" + altered);
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
			assertThat(content.send("/api/v1/previews/articles/" + this.id + "?locale=ru&token=" + token).statusCode())
				.as("another item")
				.isEqualTo(403);
			HttpResponse<String> expired = content.send("/api/v1/previews/articles/" + this.id + "?locale=en&token="
					+ signed("articles/" + this.id + ":en\n" + Instant.now().minusSeconds(1).getEpochSecond()));
			assertThat(expired.statusCode()).isEqualTo(401);
			assertThat(expired.body()).contains("expired");

			content.publish(published.stamped(2, null, null));
			content.flush();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> content.send("/api/v1/articles/" + this.id + "?locale=en").statusCode() == 200);
		}
	}

	/**
	 * A token as the service makes one, signed with the tests' secret
	 * (src/test/resources/config/application.properties).
	 */
	private static String signed(String payload) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(
				"preview-secret-for-tests-only-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"HmacSHA256"));
		java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
		byte[] bytes = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return encoder.encodeToString(bytes) + "." + encoder.encodeToString(mac.doFinal(bytes));
	}

	private void keepThreeRevisions(Content content) {
		String key = ContentKey.of(this.id, "en");
		Attribution published = new Attribution(this.author, "Press office", Instant.parse("2026-12-01T09:00:00Z"),
				ChangeAction.PUBLISHED, "=HYPERLINK(\"x\"), first", false, null, null, null);
		Attribution changed = new Attribution(this.author, "Press office", Instant.parse("2026-12-01T10:00:00Z"),
				ChangeAction.CHANGED, "Named the occasion", true, null, "k-" + this.id, null);
		Attribution withdrawn = new Attribution("api-key:desk-" + this.id, "desk",
				Instant.parse("2026-12-02T08:00:00Z"), ChangeAction.WITHDRAWN, null, false, null, null, null);
		content.keepRevision(EventType.ARTICLE_PUBLISHED, key,
				article(1, "Remarks", "<p>It is an honour to welcome you.</p>").stamped(1, published, null));
		content.keepRevision(EventType.ARTICLE_PUBLISHED, key,
				article(2, "Remarks at the reception", "<p>It is an great pleasure to welcome you.</p>").stamped(2,
						changed, new MajorChange(changed.at(), "Named the occasion")));
		content.keepRevision(EventType.ARTICLE_WITHDRAWN, key,
				new Withdrawal(this.id, "en", 3, withdrawn.at(), null, withdrawn));
		content.flush();
	}

	private Article article(long revision, String title, String body) {
		return Content.article(this.id, "en", revision, ArticleKind.SPEECH, title, "The Ambassador spoke.", body,
				"2026-12-01T12:00:00+03:00", List.of(), List.of());
	}

	private static String joined(JsonNode parts, String op) {
		StringBuilder text = new StringBuilder();
		parts.forEach((part) -> {
			if (part.path("op").asString().equals(op)) {
				text.append(part.path("text").asString());
			}
		});
		return text.toString().strip();
	}

	private static List<String> values(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach((element) -> values.add(element.path(field).asString()));
		return values;
	}

}
