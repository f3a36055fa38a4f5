package io.chancery.system;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chancery.contracts.MessageJson;
import io.chancery.localrun.LocalPlatform;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The website's pages as a crawler, a link preview or a reader without JavaScript fetch
 * them, on the running platform: the content and the head are in the HTML the gateway
 * sends, and the status says whether the item exists.
 */
@Order(2)
class WebsitePagesTests {

	private static Gateway gateway;

	private final String word = "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	@BeforeAll
	static void stack() {
		LocalPlatform platform = Stack.get();
		gateway = new Gateway(platform.gatewayUrl(), platform.editorKey(), platform.adminKey());
	}

	@Test
	void anArticlePageCarriesItsContentAndItsHeadInTheHtml() {
		String id = "page-" + this.word;
		publish(id, "en", "Speech on the treaty " + this.word, "<p>The ambassador spoke of <em>peace</em>.</p>");

		Document page = page("/articles/" + id, 200);
		assertThat(page.title()).startsWith("Speech on the treaty " + this.word);
		// The institution's own name (its site details'), not the software's.
		String institution = page.selectFirst("meta[property=og:site_name]").attr("content");
		assertThat(institution).startsWith("Embassy");
		assertThat(page.title()).endsWith(" \u2014 " + institution);
		assertThat(page.selectFirst(".brand-name").text()).isEqualTo(institution);
		assertThat(page.selectFirst("h1.item-title").text()).isEqualTo("Speech on the treaty " + this.word);
		assertThat(page.selectFirst(".prose em").text()).isEqualTo("peace");
		assertThat(page.selectFirst("meta[property=og:title]").attr("content"))
			.isEqualTo("Speech on the treaty " + this.word);
		assertThat(page.selectFirst("meta[name=description]").attr("content")).isEqualTo("A lead " + this.word);
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(gateway.base() + "/articles/" + id);
		JsonNode data = MessageJson.mapper().readTree(page.selectFirst("script[type=application/ld+json]").data());
		assertThat(data.get("@type").asString()).isEqualTo("NewsArticle");
		assertThat(data.get("headline").asString()).isEqualTo("Speech on the treaty " + this.word);
		assertThat(page.select(".item-fact dt").eachText()).contains("Published", "People", "Topics");
		assertThat(page.select(".item-fact a").eachAttr("href")).contains("/search?person=The+Ambassador");

		// Validated as an API answer is: the same bytes are not sent twice.
		// Kept as long as the answer it shows: an item's, a minute.
		assertThat(gateway.raw("/articles/" + id).headers().firstValue("Cache-Control").orElse(""))
			.contains("max-age=60");
		assertThat(gateway.raw("/articles/never-" + this.word).headers().firstValue("Cache-Control"))
			.hasValue("no-cache");
		String tag = gateway.raw("/articles/" + id).headers().firstValue("ETag").orElseThrow();
		assertThat(gateway.send("GET", "/articles/" + id, null, "If-None-Match", tag).statusCode()).isEqualTo(304);
	}

	@Test
	void aPageInRussianIsInRussianWithoutAScript() {
		String id = "page-ru-" + this.word;
		publish(id, "ru", "Выступление " + this.word, "<p>Посол выступил.</p>");

		Document page = page("/articles/" + id + "?locale=ru", 200);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ru");
		assertThat(page.selectFirst(".back-link a").text()).isEqualTo("Ко всем сообщениям");
		assertThat(page.selectFirst(".back-link a").attr("href")).isEqualTo("/archive?locale=ru");
		assertThat(page.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo(gateway.base() + "/articles/" + id + "?locale=ru");
		assertThat(page.select(".item-fact dt").eachText()).contains("Опубликовано");
	}

	@Test
	void aTranslatedArticleNamesItsTranslationAndTheSwitchGoesThere() {
		String id = "page-tr-" + this.word;
		publish(id, "en", "Statement " + this.word, "<p>In English.</p>");
		publish(id, "ru", "Заявление " + this.word, "<p>По-русски.</p>");
		// Translations are found by search, after the index's next refresh.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !page("/articles/" + id, 200).select("link[rel=alternate][hreflang]").isEmpty());

		Document english = page("/articles/" + id, 200);
		assertThat(english.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).containsExactly("en", "ru");
		assertThat(english.selectFirst("link[rel=alternate][hreflang=ru]").attr("href"))
			.isEqualTo(gateway.base() + "/articles/" + id + "?locale=ru");
		assertThat(english.selectFirst(".language-switch a[hreflang=ru]").attr("href"))
			.isEqualTo("/articles/" + id + "?locale=ru");
		assertThat(
				page("/articles/" + id + "?locale=ru", 200).selectFirst(".language-switch a[hreflang=en]").attr("href"))
			.isEqualTo("/articles/" + id);

		String alone = "page-alone-" + this.word;
		publish(alone, "en", "Only in English " + this.word, "<p>Alone.</p>");
		Document single = page("/articles/" + alone, 200);
		assertThat(single.select("link[rel=alternate][hreflang]")).isEmpty();
		assertThat(single.selectFirst(".language-switch a[hreflang=ru]").attr("href")).isEqualTo("/archive?locale=ru");
	}

	@Test
	void anUnknownArticleIs404AndOneWithdrawnForGood410() {
		Document unknown = page("/articles/never-" + this.word, 404);
		assertThat(unknown.selectFirst("h1").text()).isEqualTo("Not found");
		assertThat(unknown.selectFirst("meta[name=robots]").attr("content")).isEqualTo("noindex");

		String id = "page-gone-" + this.word;
		publish(id, "en", "To be withdrawn " + this.word, "<p>Soon gone.</p>");
		assertThat(gateway.send("DELETE", "/api/v1/articles/" + id + "/en", null).statusCode()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> gateway.raw("/api/v1/articles/" + id + "?locale=en").statusCode() == 410);
		Document gone = page("/articles/" + id, 410);
		assertThat(gone.selectFirst("h1").text()).isEqualTo("Withdrawn");
		assertThat(gone.html()).doesNotContain("Soon gone.");
	}

	@Test
	void anArticleWithdrawnWithANoteIsShownWithTheNote() {
		String id = "page-note-" + this.word;
		publish(id, "en", "Withdrawn with a note " + this.word, "<p>Still readable.</p>");
		assertThat(gateway.send("DELETE", "/api/v1/articles/" + id + "/en?note=Superseded", null).statusCode())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> gateway.get("/api/v1/articles/" + id + "?locale=en")
				.path("status")
				.asString()
				.equals("withdrawn"));

		Document page = page("/articles/" + id, 200);
		assertThat(page.selectFirst(".withdrawal").text()).contains("withdrawn").contains("Note: Superseded");
		assertThat(page.selectFirst(".prose").text()).isEqualTo("Still readable.");
	}

	@Test
	void theHomePageNamesTheCountersTheFeaturedItemAndTheLatestEvents() {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", "page-event-" + this.word);
		event.put("locale", "en");
		event.put("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
		event.put("timeZone", "Europe/London");
		event.put("title", "Reception " + this.word);
		event.put("lead", "On the home page");
		assertThat(gateway.send("POST", "/api/v1/events", MessageJson.mapper().writeValueAsString(event)).statusCode())
			.isEqualTo(201);
		publish("page-home-" + this.word, "en", "Featured " + this.word, "<p>On the home page.</p>");
		// The home answer is shared for half a second, and search sees a write after
		// its next refresh.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> gateway.get("/api/v1/home?locale=en").path("latestEvents").toString().contains(this.word));

		JsonNode home = gateway.get("/api/v1/home?locale=en");
		Document page = page("/", 200);
		List<String> sentences = page.select("#counters .counter-sentence").eachText();
		assertThat(sentences).hasSize(home.path("counters").size());
		for (int i = 0; i < sentences.size(); i++) {
			assertThat(sentences.get(i)).isEqualTo(home.path("counters").get(i).path("text").asString());
		}
		assertThat(page.selectFirst("#featured .featured-title").text())
			.isEqualTo(home.path("featured").path("title").asString());
		assertThat(page.select("#event-list .event-title").eachText()).contains("Reception " + this.word);
		assertThat(page.select("#event-list .event-title a").eachAttr("href"))
			.allMatch((href) -> href.startsWith("/events/"));
		assertThat(page.select("#contacts .contact-title").eachText()).containsExactlyElementsOf(home.path("site")
			.path("contacts")
			.valueStream()
			.map((contact) -> contact.path("title").asString())
			.toList());
		assertThat(page.select("#contacts a[href^=tel:]")).isNotEmpty();
		assertThat(page.selectFirst("#today-date").attr("datetime")).isEqualTo(home.path("today").asString());
		assertThat(page.selectFirst("#today-date").text()).isNotBlank();
		assertThat(page("/?locale=ru", 200).selectFirst("#featured-heading").text())
			.isEqualTo("Выступления, интервью, статьи");
	}

	@Test
	void theHomeAsOfAnInstantIsWhatWasPublishedByThenWithWhatWasStillToCome() {
		String id = "page-then-" + this.word;
		Map<String, Object> article = new LinkedHashMap<>();
		article.put("id", id);
		article.put("locale", "en");
		article.put("kind", "speech");
		article.put("title", "Said then " + this.word);
		article.put("lead", "A lead " + this.word);
		article.put("body", "<p>Then.</p>");
		article.put("publishedAt", "2023-03-03T03:03:03Z");
		article.put("timeZone", "Europe/London");
		assertThat(
				gateway.send("POST", "/api/v1/articles", MessageJson.mapper().writeValueAsString(article)).statusCode())
			.isEqualTo(201);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> id.equals(gateway.get("/api/v1/home?locale=en&at=2023-03-03T03:03:04Z")
				.path("featured")
				.path("id")
				.asString()));
		assertThat(gateway.get("/api/v1/home?locale=en&at=2023-03-03T03:03:02Z").path("featured").path("id").asString())
			.as("featured a second before it was published")
			.isNotEqualTo(id);

		// The demo catalog's events span the five years to today: in mid-2025 some were
		// past, some to come.
		JsonNode then = gateway.get("/api/v1/home?locale=en&at=2025-07-01T12:00:00Z");
		assertThat(then.path("today").asString()).isEqualTo("2025-07-01");
		assertThat(then.path("latestEvents")).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.path("eventDate").asString()).isLessThanOrEqualTo("2025-07-01"));
		List<String> upcoming = then.path("upcomingEvents")
			.valueStream()
			.map((event) -> event.path("eventDate").asString())
			.toList();
		assertThat(upcoming).isNotEmpty().isSorted().allSatisfy((date) -> assertThat(date).isGreaterThan("2025-07-01"));
		JsonNode now = gateway.get("/api/v1/home?locale=en");
		assertThat(now.path("latestEvents")).allSatisfy((event) -> assertThat(event.path("eventDate").asString())
			.isLessThanOrEqualTo(now.path("today").asString()));
	}

	@Test
	void everyPageHasItsTitleAndAlternatesInEachLanguage() {
		for (String path : List.of("/", "/archive", "/search")) {
			Document english = page(path, 200);
			Document russian = page(path + "?locale=ru", 200);
			assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
			assertThat(russian.selectFirst("html").attr("lang")).isEqualTo("ru");
			assertThat(english.title()).isNotEqualTo(russian.title());
			assertThat(english.select("link[rel=alternate][hreflang]").eachAttr("hreflang")).containsExactly("en",
					"ru");
			assertThat(russian.selectFirst("link[rel=alternate][hreflang=ru]").attr("href"))
				.isEqualTo(gateway.base() + path + "?locale=ru");
			assertThat(english.select("link[rel=alternate][type=application/atom+xml]")).hasSize(2);
		}
	}

	@Test
	void robotsNameTheSitemapAndItListsEveryPublishedArticleByYear() {
		String id = "page-map-" + this.word;
		publish(id, "en", "In the sitemap " + this.word, "<p>Findable.</p>");

		HttpResponse<String> robots = gateway.raw("/robots.txt");
		assertThat(robots.statusCode()).isEqualTo(200);
		assertThat(robots.body()).contains("Sitemap: " + gateway.base() + "/sitemap.xml");

		// Searchable after the index's next refresh, within a second.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(xml("/sitemap.xml").select("sitemapindex > sitemap > loc").eachText())
				.contains(gateway.base() + "/sitemaps/2026.xml");
			org.jsoup.nodes.Element entry = xml("/sitemaps/2026.xml").select("urlset > url")
				.stream()
				.filter((url) -> url.selectFirst("loc").text().equals(gateway.base() + "/articles/" + id))
				.findFirst()
				.orElseThrow(() -> new AssertionError(id + " is not in the 2026 sitemap"));
			assertThat(entry.selectFirst("lastmod").text()).isNotBlank();
		});
		assertThat(gateway.raw("/sitemaps/2026.xml").headers().firstValue("Content-Type").orElse(""))
			.startsWith("application/xml");
	}

	@Test
	void aSearchAndTheArchiveListTheirResultsAndPagesInTheHtml() {
		String id = "page-list-" + this.word;
		publish(id, "en", "Listed " + this.word, "<p>The harbour was busy.</p>");
		// Searchable after the index's next refresh, within a second.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> page("/search?q=" + this.word, 200).select("#results .result").size() == 1);

		Document search = page("/search?q=" + this.word, 200);
		assertThat(search.title()).startsWith("\u201c" + this.word + "\u201d");
		assertThat(search.selectFirst("#q").attr("value")).isEqualTo(this.word);
		assertThat(search.selectFirst("#search-status").text()).isEqualTo("1 result");
		assertThat(search.selectFirst("#results .result-title a").attr("href")).isEqualTo("/articles/" + id);
		assertThat(search.selectFirst("#results .result-title").text()).isEqualTo("Listed " + this.word);
		assertThat(search.select("#results .result-title mark").eachText()).containsExactly(this.word);
		assertThat(search.select("#facet-groups .facet-value").eachAttr("href"))
			.contains("/search?q=" + this.word + "&person=The+Ambassador");
		assertThat(search.selectFirst("#histogram-data")).isNotNull();
		assertThat(search.selectFirst("#export-csv").attr("href"))
			.isEqualTo("/api/v1/search/export?q=" + this.word + "&format=csv");

		// The form sent without a script: its empty and default fields leave the address.
		HttpResponse<String> sent = gateway
			.raw("/search?q=" + this.word + "&type=&kind=speech&person=&order=relevance&histogram=month");
		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(sent.headers().firstValue("Location")).hasValue("/search?q=" + this.word + "&kind=speech");
		assertThat(page("/search?q=" + this.word + "&kind=speech", 200).select("#active-filters .chip").eachText())
			.containsExactly("Kind: Speech\u00d7");

		// The archive's month, paged by links to the next page until the article is
		// found.
		Document archive = page("/archive?year=2026&month=5", 200);
		assertThat(archive.title()).startsWith("Messages of May 2026");
		assertThat(archive.selectFirst("#period-heading").text()).isEqualTo("Messages of May 2026");
		assertThat(archive.select("#months a[aria-current=page]").eachText()).containsExactly("May");
		assertThat(archive.selectFirst("#archive-count").text()).matches("[0-9,]+ messages?");
		for (int pages = 1; archive.select("#archive-list a[href=/articles/" + id + "]").isEmpty(); pages++) {
			assertThat(pages).as("pages read before finding %s", id).isLessThan(20);
			String next = archive.select("#archive-pages .pager-next a").attr("href");
			assertThat(next).as("the next page's link").startsWith("/archive?year=2026&month=5&page=");
			archive = page(next, 200);
		}
	}

	private static Document xml(String path) {
		HttpResponse<String> response = gateway.raw(path);
		assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
		return Jsoup.parse(response.body(), "", org.jsoup.parser.Parser.xmlParser());
	}

	private void publish(String id, String locale, String title, String body) {
		Map<String, Object> article = new LinkedHashMap<>();
		article.put("id", id);
		article.put("locale", locale);
		article.put("kind", "speech");
		article.put("title", title);
		article.put("lead", "A lead " + this.word);
		article.put("body", body);
		article.put("publishedAt", "2026-05-01T10:00:00+03:00");
		article.put("timeZone", "Europe/Moscow");
		article.put("people", List.of("The Ambassador"));
		article.put("tags", List.of("treaties"));
		HttpResponse<String> created = gateway.send("POST", "/api/v1/articles",
				MessageJson.mapper().writeValueAsString(article));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> gateway.raw("/api/v1/articles/" + id + "?locale=" + locale).statusCode() == 200);
	}

	private static Document page(String pathAndQuery, int status) {
		HttpResponse<String> response = gateway.raw(pathAndQuery);
		assertThat(response.statusCode()).as("GET %s", pathAndQuery).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		return Jsoup.parse(response.body(), gateway.base() + pathAndQuery);
	}

}
