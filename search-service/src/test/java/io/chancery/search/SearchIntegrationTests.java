package io.chancery.search;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.MessageJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.chancery.search.Content.article;
import static io.chancery.search.Content.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read through the real broker and the real Elasticsearch: items, listings, the
 * archive, search with its syntax, filters, facets, histogram, orders, highlights,
 * suggestions, related items, paging by number and by cursor, feeds, and the 400s.
 * Everything this class publishes carries its own tag, and every query filters on it.
 */
@SearchIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIntegrationTests {

	private final String tag = "t" + UUID.randomUUID().toString().substring(0, 8);

	private final String p = "s" + UUID.randomUUID().toString().substring(0, 6) + "-";

	@LocalServerPort
	private int port;

	private Content content;

	@BeforeAll
	void publish() {
		this.content = new Content(this.port);
		List<String> tags = List.of(this.tag, "diplomacy");
		this.content.publish(article(this.p + "a1", "en", 1, ArticleKind.SPEECH,
				"Speech on the negotiation of treaties", "The ambassador on treaties",
				"<p>The ambassador spoke about negotiations, candidates and treaties.</p>", "2024-03-10T10:00:00+03:00",
				List.of("Anna Petrova"), tags));
		this.content.publish(article(this.p + "a2", "en", 1, ArticleKind.INTERVIEW, "Interview on culture",
				"Theatre and music", "<p>An interview about theatre, music and the press conference.</p>",
				"2024-05-02T12:00:00+03:00", List.of("Ivan Sokolov"), List.of(this.tag, "culture")));
		this.content.publish(article(this.p + "a3", "ru", 1, ArticleKind.ARTICLE, "Кандидаты на выборах",
				"О кандидатах", "<p>Кандидатов было много. Ёлка стояла у посольства.</p>", "2023-12-31T23:30:00+03:00",
				List.of("Анна Петрова"), List.of(this.tag)));
		this.content.publish(article(this.p + "a4", "ru", 1, ArticleKind.SPEECH, "Выступление посла",
				"Речь о переговорах", "<p>Речь о кандидате и переговорах.</p>", "2024-05-20T09:00:00+03:00",
				List.of("Анна Петрова"), tags));
		this.content.publish(Content.embargoed(
				article(this.p + "a5", "en", 1, ArticleKind.STATEMENT, "Embargoed statement", "Not yet",
						"<p>Treaties, embargoed.</p>", "2024-06-01T09:00:00+03:00", List.of("Anna Petrova"), tags),
				Instant.now().plusSeconds(86_400)));
		this.content.publish(article(this.p + "a6", "en", 1, ArticleKind.SPEECH, "Removed speech", "Gone",
				"<p>Treaties, removed.</p>", "2024-04-01T09:00:00+03:00", List.of("Anna Petrova"), tags));
		this.content.withdrawForGood("article", this.p + "a6", "en", 2);
		this.content.publish(Content.withdrawnWithNote(
				article(this.p + "a7", "en", 1, ArticleKind.ARTICLE, "Withdrawn article", "Kept with a note",
						"<p>Treaties, withdrawn.</p>", "2024-04-02T09:00:00+03:00", List.of("Ivan Sokolov"), tags),
				"Superseded by a later statement"));
		this.content.publish(event(this.p + "e1", "en", 1, "2024-06-01", "Consular reception " + this.tag,
				"The consulate receives visitors", null));
		this.content.publish(event(this.p + "e2", "ru", 1, "2024-06-02", "Приём в консульстве " + this.tag,
				"Консульство принимает посетителей", null));
		this.content.publish(event(this.p + "e3", "en", 1, "2022-01-15", "The incident " + this.tag,
				"No credible response", new CounterDefinition("days have passed since the incident", "Europe/Moscow",
						CounterDefinition.Direction.SINCE, null, null, null, false)));
		this.content.flush();
		this.content.awaitTotal("/api/v1/search?tag=" + this.tag, 4);
		this.content.awaitTotal("/api/v1/search?type=event&q=" + this.tag, 3);
	}

	@AfterAll
	void close() {
		this.content.close();
	}

	@Test
	void listsArticlesByKindNewestFirstWithTheEnvelope() {
		JsonNode page = this.content.get("/api/v1/articles?tag=" + this.tag);
		assertThat(ids(page)).containsExactly(this.p + "a4", this.p + "a2", this.p + "a1", this.p + "a3");
		assertThat(page.get("total").asLong()).isEqualTo(4);
		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("pageSize").asInt()).isEqualTo(20);
		assertThat(page.get("pages").asLong()).isEqualTo(1);
		assertThat(page.get("order").asString()).isEqualTo("newest");
		assertThat(ids(this.content.get("/api/v1/articles?tag=" + this.tag + "&kind=speech")))
			.containsExactly(this.p + "a4", this.p + "a1");
		JsonNode second = this.content.get("/api/v1/articles?tag=" + this.tag + "&size=3&page=2");
		assertThat(ids(second)).containsExactly(this.p + "a3");
		assertThat(second.get("pages").asLong()).isEqualTo(2);
		assertThat(ids(this.content.get("/api/v1/articles?tag=" + this.tag + "&order=oldest")).get(0))
			.isEqualTo(this.p + "a3");
	}

	@Test
	void anItemNamesItsTranslations() {
		String id = this.p + "t1";
		String tag = "translated-" + this.p;
		this.content.publish(article(id, "en", 1, ArticleKind.STATEMENT, "Statement in two languages", "Lead",
				"<p>Said twice.</p>", "2024-02-01T09:00:00+03:00", List.of("Translator Test"), List.of(tag)));
		this.content.publish(article(id, "ru", 1, ArticleKind.STATEMENT, "Заявление на двух языках", "Вступление",
				"<p>Сказано дважды.</p>", "2024-02-01T09:00:00+03:00", List.of("Translator Test"), List.of(tag)));
		this.content.flush();
		this.content.awaitTotal("/api/v1/search?tag=" + tag, 2);

		JsonNode english = this.content.get("/api/v1/articles/" + id + "?locale=en");
		assertThat(english.get("translations").properties()).singleElement()
			.satisfies((translation) -> assertThat(translation.getKey()).isEqualTo("ru"));
		assertThat(english.get("translations").get("ru").asString()).isEqualTo("/api/v1/articles/" + id + "?locale=ru");
		assertThat(this.content.get("/api/v1/articles/" + id + "?locale=ru").get("translations").get("en").asString())
			.isEqualTo("/api/v1/articles/" + id + "?locale=en");
		assertThat(this.content.get("/api/v1/articles/" + this.p + "a1?locale=en").has("translations")).isFalse();
	}

	@Test
	void itemsInFullWithdrawnWithNoteGoneAndEmbargoed() {
		JsonNode item = this.content.get("/api/v1/articles/" + this.p + "a1?locale=en");
		assertThat(item.get("body").asString()).contains("<p>The ambassador spoke");
		assertThat(item.get("kind").asString()).isEqualTo("speech");
		JsonNode withdrawn = this.content.get("/api/v1/articles/" + this.p + "a7?locale=en");
		assertThat(withdrawn.get("status").asString()).isEqualTo("withdrawn");
		assertThat(withdrawn.get("withdrawal").get("note").asString()).isEqualTo("Superseded by a later statement");
		HttpResponse<String> gone = this.content.send("/api/v1/articles/" + this.p + "a6?locale=en");
		assertThat(gone.statusCode()).isEqualTo(410);
		assertThat(gone.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.content.send("/api/v1/articles/" + this.p + "a5?locale=en").statusCode()).isEqualTo(404);
		assertThat(this.content.send("/api/v1/articles/" + this.p + "nothing?locale=en").statusCode()).isEqualTo(404);
		assertThat(this.content.get("/api/v1/events/" + this.p + "e3?locale=en").get("counterCaption").asString())
			.isEqualTo("days have passed since the incident");
	}

	@Test
	void latestEventsAndTheArchiveByYearAndMonth() {
		assertThat(ids(this.content.get("/api/v1/events?q=" + this.tag))).hasSize(3);
		assertThat(ids(this.content.get("/api/v1/events?q=" + this.tag + "&order=newest")))
			.containsExactly(this.p + "e2", this.p + "e1", this.p + "e3");
		assertThat(ids(this.content.get("/api/v1/archive?q=" + this.tag + "&year=2024&month=6&zone=Europe/Moscow")))
			.containsExactly(this.p + "e2", this.p + "e1");
		assertThat(ids(this.content.get("/api/v1/archive?tag=" + this.tag + "&year=2024&month=5&zone=Europe/Moscow")))
			.containsExactly(this.p + "a4", this.p + "a2");
		// 23:30 in Moscow on New Year's Eve is already 2024 in Tokyo.
		assertThat(ids(this.content.get("/api/v1/archive?tag=" + this.tag + "&year=2023&zone=Europe/Moscow")))
			.containsExactly(this.p + "a3");
		assertThat(ids(this.content.get("/api/v1/archive?tag=" + this.tag + "&year=2023&zone=Asia/Tokyo"))).isEmpty();
		// An event's date is a day: ranged by days, as the home page's latest and
		// upcoming events are.
		assertThat(ids(this.content.get("/api/v1/events?q=" + this.tag + "&date-field=event&zone=UTC&to=2024-06-01")))
			.containsExactlyInAnyOrder(this.p + "e1", this.p + "e3");
		assertThat(ids(this.content
			.get("/api/v1/events?q=" + this.tag + "&date-field=event&zone=UTC&from=2024-06-02&order=oldest")))
			.containsExactly(this.p + "e2");
		JsonNode months = this.content.get("/api/v1/archive/months");
		assertThat(months.isArray()).isTrue();
		assertThat(months.get(0).has("year")).isTrue();
	}

	@Test
	void searchSyntax() {
		assertThat(ids(search("q=treaties"))).containsExactlyInAnyOrder(this.p + "a1");
		assertThat(ids(search("q=" + enc("\"press conference\"")))).containsExactly(this.p + "a2");
		assertThat(ids(search("q=" + enc("\"conference press\"")))).isEmpty();
		assertThat(ids(search("q=" + enc("treaties OR theatre")))).containsExactlyInAnyOrder(this.p + "a1",
				this.p + "a2");
		assertThat(ids(search("q=" + enc("ambassador AND NOT treaties")))).isEmpty();
		assertThat(ids(search("q=" + enc("negot*")))).containsExactly(this.p + "a1");
		assertThat(ids(search("q=" + enc("-theatre")))).doesNotContain(this.p + "a2").contains(this.p + "a1");
		assertThat(ids(search("q=" + enc("Петрова")))).containsExactlyInAnyOrder(this.p + "a3", this.p + "a4");
	}

	@Test
	void filtersRejectsAndDateRanges() {
		assertThat(ids(search("person=" + enc("Ivan Sokolov")))).containsExactly(this.p + "a2");
		assertThat(ids(search("reject-kind=speech&type=article"))).containsExactlyInAnyOrder(this.p + "a2",
				this.p + "a3");
		assertThat(ids(search("locale=ru&type=article"))).containsExactlyInAnyOrder(this.p + "a3", this.p + "a4");
		assertThat(ids(search("kind=speech,interview"))).containsExactlyInAnyOrder(this.p + "a1", this.p + "a2",
				this.p + "a4");
		assertThat(ids(search("date-field=published&from=2024-05-01&to=2024-05-31")))
			.containsExactlyInAnyOrder(this.p + "a2", this.p + "a4");
		assertThat(ids(search("date-field=published&from=2024-01-01&zone=UTC&type=article")))
			.doesNotContain(this.p + "a3");
		assertThat(ids(search("date-field=published&from=2023-12-31&to=2023-12-31&zone=Europe/Moscow")))
			.containsExactly(this.p + "a3");
	}

	@Test
	void facetsCountWithoutTheirOwnFilterAndTheHistogramBuckets() {
		JsonNode page = search("kind=speech&facets=kind,locale&histogram=month&zone=Europe/Moscow");
		assertThat(page.get("total").asLong()).isEqualTo(2);
		JsonNode kinds = page.get("facets").get("kind");
		assertThat(count(kinds, "speech")).isEqualTo(2);
		assertThat(count(kinds, "interview")).isEqualTo(1);
		assertThat(count(kinds, "article")).isEqualTo(1);
		JsonNode locales = page.get("facets").get("locale");
		assertThat(count(locales, "en")).isEqualTo(1);
		assertThat(count(locales, "ru")).isEqualTo(1);
		JsonNode histogram = page.get("histogram");
		assertThat(histogram.get("interval").asString()).isEqualTo("month");
		long sum = 0;
		for (JsonNode bucket : histogram.get("buckets")) {
			sum += bucket.get("count").asLong();
		}
		assertThat(sum).isEqualTo(2);
		assertThat(histogram.get("buckets").get(0).get("start").asString()).isEqualTo("2024-03-01");
	}

	@Test
	void embargoedItemIsInNoAnswerBeforeItsTime() {
		String embargoed = this.p + "a5";
		assertThat(this.content.send("/api/v1/articles/" + embargoed + "/related?locale=en").statusCode())
			.isEqualTo(404);
		for (String path : List.of("/api/v1/search?q=embargoed", "/api/v1/search?tag=" + this.tag + "&size=100",
				"/api/v1/articles?tag=" + this.tag + "&kind=statement", "/api/v1/archive?tag=" + this.tag,
				"/api/v1/articles/" + this.p + "a1/related?locale=en&size=20",
				"/api/v1/search/export?tag=" + this.tag + "&format=ndjson", "/feeds/articles.atom?locale=en",
				"/feeds/articles/statement.atom?locale=en")) {
			HttpResponse<String> response = this.content.send(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).doesNotContain(embargoed).doesNotContain("Embargoed statement");
		}
	}

	@Test
	void adminRoutesNeedTheAdminRoleOnTheServicesOwnPort() {
		for (String path : List.of("/api/v1/admin/reindex", "/api/v1/admin/dead-letters")) {
			HttpResponse<String> anonymous = this.content.send(path);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("Content-Type")).as(path)
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(this.content.send(path, "X-Api-Key", "a-key-nobody-has").statusCode()).as(path).isEqualTo(401);
			assertThat(this.content.send(path, "X-Api-Key", Content.EDITOR_KEY).statusCode()).as(path).isEqualTo(403);
			assertThat(this.content.send(path, "X-Api-Key", Content.ADMIN_KEY).statusCode()).as(path).isEqualTo(200);
		}
		assertThat(this.content.post("/api/v1/admin/reindex").statusCode()).isEqualTo(401);
		assertThat(this.content.post("/api/v1/admin/dead-letters/replay?from=0", "X-Api-Key", Content.EDITOR_KEY)
			.statusCode()).isEqualTo(403);
		// Reads are GETs only; anything else on them is refused.
		assertThat(this.content.post("/api/v1/search?q=treaties").statusCode()).isEqualTo(405);
	}

	@Test
	void highlightsSuggestionsAndRelated() {
		JsonNode page = search("q=treaties");
		JsonNode highlights = page.get("results").get(0).get("highlights");
		assertThat(highlights.get("title").get(0).asString()).contains("<mark>treaties</mark>");
		assertThat(search("q=tretaies").get("suggestion").asString()).isEqualTo("treaties");
		List<String> related = new ArrayList<>();
		for (JsonNode item : this.content.get("/api/v1/articles/" + this.p + "a3/related?locale=ru")) {
			related.add(item.get("id").asString());
		}
		assertThat(related).contains(this.p + "a4").doesNotContain(this.p + "a3");
	}

	@Test
	void cursorPagingWalksEverythingOnce() {
		JsonNode page = search("paging=cursor&size=1&order=newest");
		Set<String> seen = new HashSet<>();
		int pages = 0;
		while (true) {
			pages++;
			for (JsonNode result : page.get("results")) {
				assertThat(seen.add(result.get("id").asString())).isTrue();
			}
			if (!page.has("nextCursor")) {
				break;
			}
			page = this.content.get("/api/v1/search?cursor=" + page.get("nextCursor").asString());
		}
		assertThat(seen).hasSize(4);
		assertThat(pages).isBetween(4, 5);
		assertThat(this.content.send("/api/v1/search?cursor=bm90LWEtY3Vyc29y").statusCode()).isEqualTo(400);
	}

	@Test
	void badParametersAreRefusedWithWhatIsAccepted() {
		assertProblem("/api/v1/search?colour=red", 400, "colour");
		assertProblem("/api/v1/search?order=sideways", 400, "order");
		assertProblem("/api/v1/search?from=2024-13-45", 400, "from");
		assertProblem("/api/v1/search?zone=Mars/Olympus", 400, "zone");
		assertProblem("/api/v1/search?size=1000", 400, "size");
		assertProblem("/api/v1/search?page=600&size=20", 400, "page");
		assertProblem("/api/v1/search?q=" + "x".repeat(600), 400, "q");
		assertProblem("/api/v1/search?q=" + enc("*"), 400, "q");
		assertProblem("/api/v1/search?facets=colour", 400, "facets");
		assertProblem("/api/v1/search?histogram=hourly", 400, "histogram");
		// Days over the default span, from 1900 to 2200, would be more buckets than
		// allowed.
		assertProblem("/api/v1/search?histogram=day", 400, "histogram");
		assertProblem("/api/v1/articles/" + this.p + "a1?locale=zz", 400, "locale");
		assertProblem("/api/v1/articles/" + this.p + "a1?locale=en&locale=ru", 400, "locale");
		assertProblem("/api/v1/events/" + this.p + "e1/related?locale=%3Cb%3E", 400, "locale");
		assertProblem("/api/v1/search?histogram=week&from=1950-01-01", 400, "histogram");
		assertProblem("/api/v1/articles?type=event", 400, "type");
		assertProblem("/api/v1/search/export?format=xlsx", 400, "format");
		assertProblem("/api/v1/articles/x?colour=red", 400, "colour");
		assertProblem("/api/v1/search?locale=" + enc("<script>"), 400, "locale");
		assertProblem("/api/v1/articles?reject-locale=fr", 400, "reject-locale");
		assertProblem("/api/v1/archive/months?locale=fr", 400, "locale");
		assertProblem("/feeds/events.atom?locale=fr", 400, "locale");
		HttpResponse<String> response = this.content.send("/api/v1/search?order=sideways");
		assertThat(response.body()).contains("relevance", "newest", "oldest");
	}

	@Test
	void feedsAreAtomWithFullText() {
		HttpResponse<String> feed = this.content.send("/feeds/articles/speech.atom?locale=ru");
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/atom+xml"));
		assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "Выступление посла", "&lt;p",
				"rel=\"first\"");
		assertThat(this.content.send("/feeds/events.atom?locale=en").body()).contains("Consular reception");
	}

	@Test
	void readsCarryTheirValidatorsAndAnswer304WhenTheClientHasThem() throws Exception {
		for (String path : List.of("/api/v1/articles/" + this.p + "a1?locale=en", "/api/v1/articles?tag=" + this.tag,
				"/api/v1/search?tag=" + this.tag, "/feeds/events.atom?locale=en")) {
			HttpResponse<String> first = this.content.send(path);
			String tag = first.headers()
				.firstValue("ETag")
				.orElseThrow(() -> new AssertionError(path + " has no ETag"));
			HttpResponse<String> again = this.content.send(path, "If-None-Match", tag);
			assertThat(again.statusCode()).as(path).isEqualTo(304);
			assertThat(again.body()).isEmpty();
			assertThat(this.content.send(path, "If-None-Match", "\"another\"").statusCode()).isEqualTo(200);
		}
		assertThat(this.content.send("/api/v1/search/export?tag=" + this.tag).headers().firstValue("ETag"))
			.as("an export streams, nothing holds it to hash it")
			.isEmpty();
		assertThat(this.content.send("/api/v1/articles/" + this.p + "nothing?locale=en").headers().firstValue("ETag"))
			.isEmpty();
	}

	@Test
	void everyReadRouteAcceptsExactlyTheParametersItsDocumentDeclares() {
		JsonNode paths = this.content.get("/v3/api-docs").get("paths");
		List<String> checked = new ArrayList<>();
		for (String path : paths.propertyNames()) {
			JsonNode get = paths.get(path).get("get");
			if (get == null || path.startsWith("/api/v1/admin")) {
				continue;
			}
			Set<String> declared = new java.util.TreeSet<>();
			if (get.has("parameters")) {
				for (JsonNode parameter : get.get("parameters")) {
					if (parameter.get("in").asString().equals("query")) {
						declared.add(parameter.get("name").asString());
					}
				}
			}
			String concrete = path.replace("{id}", this.p + "a1")
				.replace("{kind}", "speech")
				.replace("{collection}", "articles")
				.replace("{locale}", "en")
				.replace("{revision}", "1");
			// The editorial record is for editors and admins; the parameters are checked
			// once the credential is.
			HttpResponse<String> refused = path.startsWith("/api/v1/editorial")
					? this.content.send(concrete + "?not-a-parameter=1", "X-Api-Key", Content.ADMIN_KEY)
					: this.content.send(concrete + "?not-a-parameter=1");
			assertThat(refused.statusCode()).as(path).isEqualTo(400);
			JsonNode problem = MessageJson.mapper().readTree(refused.body());
			assertThat(problem.get("parameter").asString()).as(path).isEqualTo("not-a-parameter");
			Set<String> accepted = new java.util.TreeSet<>();
			problem.get("accepted").forEach((name) -> accepted.add(name.asString()));
			assertThat(accepted).as("what %s accepts in practice", path).isEqualTo(declared);
			checked.add(path);
		}
		assertThat(paths.get("/api/v1/search")
			.get("get")
			.get("responses")
			.get("400")
			.get("content")
			.has("application/problem+json")).isTrue();
		assertThat(checked).contains("/api/v1/search", "/api/v1/search/export", "/api/v1/articles",
				"/api/v1/articles/{id}", "/api/v1/archive", "/api/v1/archive/months", "/feeds/articles/{kind}.atom",
				"/api/v1/editorial/audit", "/api/v1/editorial/{collection}/{id}/{locale}/diff");
	}

	@Test
	void histogramsOfDaysAndWeeksNeedARange() {
		JsonNode days = search("histogram=day&from=2024-03-01&to=2024-06-01&zone=Europe/Moscow");
		assertThat(days.get("histogram").get("buckets").size()).isBetween(1, 93);
		assertThat(search("histogram=month").get("histogram").get("buckets").size()).isPositive();
		// A span with no document at all is an empty histogram, not an error.
		assertThat(search("histogram=month&year=2031").get("total").asLong()).isZero();
	}

	@Test
	void feedAddressesAreThePublicSitesNeverThisServicesOwn() {
		String feed = this.content.send("/feeds/articles/speech.atom?locale=ru").body();
		assertThat(feed)
			.contains("<id>http://localhost:8080/feeds/articles/speech.atom?locale=ru</id>",
					"href=\"http://localhost:8080/feeds/articles/speech.atom?locale=ru&amp;page=1\"",
					"href=\"http://localhost:8080/articles/" + this.p + "a4?locale=ru\"")
			.doesNotContain(":" + this.port + "/");
	}

	@Test
	void exportStreamsCsvAndNdjson() throws Exception {
		HttpResponse<String> csv = this.content.send("/api/v1/search/export?tag=" + this.tag + "&order=oldest",
				HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		String[] lines = csv.body().split("\r\n");
		assertThat(lines[0]).isEqualTo("type,id,locale,kind,date,eventDate,title,lead,people,tags,place");
		assertThat(lines).hasSize(5);
		assertThat(lines[1]).startsWith("article," + this.p + "a3,ru,article,");
		HttpResponse<String> ndjson = this.content.send("/api/v1/search/export?tag=" + this.tag + "&format=ndjson",
				HttpResponse.BodyHandlers.ofString());
		assertThat(ndjson.body().lines().count()).isEqualTo(4);
	}

	@Test
	void deadLettersAreListedAndReplayedAfterAFix() throws Exception {
		// One record no build can read, and one an older, buggy build dead-lettered
		// although it is fine: the replay indexes the second and reports the first.
		String broken = this.p + "dl-broken";
		String fine = this.p + "dl-fine";
		try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
				java.util.Map.of("bootstrap.servers",
						io.chancery.infrastructure.Infrastructure.shared().kafkaBootstrapServers()),
				new org.apache.kafka.common.serialization.StringSerializer(),
				new org.apache.kafka.common.serialization.ByteArraySerializer())) {
			String topic = io.chancery.contracts.Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName();
			var poison = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(topic, broken + ":en",
					"{not json".getBytes(StandardCharsets.UTF_8));
			poison.headers().add("event-type", "article-published".getBytes(StandardCharsets.UTF_8));
			poison.headers().add("dead-letter-cause", "unreadable".getBytes(StandardCharsets.UTF_8));
			producer.send(poison).get();
			var good = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(topic, fine + ":en",
					io.chancery.contracts.MessageJson.mapper()
						.writeValueAsBytes(article(fine, "en", 1, ArticleKind.ARTICLE, "Replayed after a fix", null,
								"<p>Fine</p>", "2016-01-01T10:00:00Z", List.of(), List.of(this.tag + "-dl"))));
			good.headers().add("event-type", "article-published".getBytes(StandardCharsets.UTF_8));
			good.headers().add("dead-letter-cause", "a bug since fixed".getBytes(StandardCharsets.UTF_8));
			producer.send(good).get();
		}
		JsonNode letters = this.content.adminGet("/api/v1/admin/dead-letters?limit=1000");
		List<String> keys = new ArrayList<>();
		for (JsonNode letter : letters.get("letters")) {
			keys.add(letter.get("key").asString());
		}
		assertThat(keys).contains(broken + ":en", fine + ":en");
		long from = letters.get("end").asLong() - 2;
		HttpResponse<String> replay = this.content.adminPost("/api/v1/admin/dead-letters/replay?from=" + from);
		assertThat(replay.statusCode()).isEqualTo(200);
		JsonNode report = io.chancery.contracts.MessageJson.mapper().readTree(replay.body());
		assertThat(report.get("replayed").asLong()).isEqualTo(2);
		assertThat(report.get("indexed").asLong()).isEqualTo(1);
		assertThat(report.get("stillFailing").get(0).get("cause").asString()).startsWith("unreadable");
		this.content.awaitTotal("/api/v1/search?tag=" + this.tag + "-dl", 1);
	}

	@Test
	void aReplayedRevisionGoesBackToTheEditorialRecordAndNeverToTheContentIndex() throws Exception {
		// A revision of an item that is not (or no longer) public, dead-lettered by the
		// editorial record's consumer: replayed into the content index it would come
		// back.
		String id = this.p + "dl-revision";
		try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
				java.util.Map.of("bootstrap.servers",
						io.chancery.infrastructure.Infrastructure.shared().kafkaBootstrapServers()),
				new org.apache.kafka.common.serialization.StringSerializer(),
				new org.apache.kafka.common.serialization.ByteArraySerializer())) {
			var letter = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(
					io.chancery.contracts.Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName(), "articles/" + id + ":en",
					io.chancery.contracts.MessageJson.mapper()
						.writeValueAsBytes(article(id, "en", 1, ArticleKind.ARTICLE, "Withdrawn for good since", null,
								"<p>Gone</p>", "2016-01-01T10:00:00Z", List.of(), List.of(this.tag + "-dlr"))));
			letter.headers().add("event-type", "article-published".getBytes(StandardCharsets.UTF_8));
			letter.headers()
				.add("dead-letter-origin", io.chancery.kafka.DeadLetterWriter.origin("content-revisions", 1, 7)
					.getBytes(StandardCharsets.UTF_8));
			letter.headers().add("dead-letter-cause", "a bug since fixed".getBytes(StandardCharsets.UTF_8));
			producer.send(letter).get();
		}
		long from = this.content.adminGet("/api/v1/admin/dead-letters?limit=1000").get("end").asLong() - 1;
		JsonNode report = io.chancery.contracts.MessageJson.mapper()
			.readTree(this.content.adminPost("/api/v1/admin/dead-letters/replay?from=" + from).body());
		assertThat(report.get("indexed").asLong()).isEqualTo(1);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					this.content.adminGet("/api/v1/editorial/articles/" + id + "/en/revisions").toString())
				.contains("Withdrawn for good since"));
		assertThat(this.content.send("/api/v1/articles/" + id + "?locale=en").statusCode()).isEqualTo(404);
		assertThat(search("q=Withdrawn").get("total").asLong()).isZero();
	}

	private JsonNode search(String parameters) {
		return this.content.get("/api/v1/search?tag=" + this.tag + "&" + parameters);
	}

	private void assertProblem(String path, int status, String parameter) {
		HttpResponse<String> response = this.content.send(path);
		assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = io.chancery.contracts.MessageJson.mapper().readTree(response.body());
		assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		for (JsonNode result : page.get("results")) {
			ids.add(result.get("id").asString());
		}
		return ids;
	}

	private static long count(JsonNode facet, String value) {
		for (JsonNode entry : facet) {
			if (entry.get("value").asString().equals(value)) {
				return entry.get("count").asLong();
			}
		}
		return 0;
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
