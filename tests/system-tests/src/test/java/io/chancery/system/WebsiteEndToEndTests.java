package io.chancery.system;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.chancery.contracts.MessageJson;
import io.chancery.gateway.website.BrowserSession;
import io.chancery.localrun.LocalPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reference website in headless Chromium on the real platform, with the demo catalog
 * published: the home page shows its clocks, counters and latest events, an article
 * opens, a search with a filter narrows and draws its chart, and an event published
 * through the API appears on the open page without a reload.
 */
@Order(3)
class WebsiteEndToEndTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private LocalPlatform platform;

	private BrowserSession browser;

	private String test;

	@BeforeEach
	void open(TestInfo info) {
		this.platform = Stack.get();
		this.browser = BrowserSession.start(this.platform.gatewayUrl());
		this.test = "e2e-" + info.getTestMethod().orElseThrow().getName();
	}

	@AfterEach
	void close() {
		this.browser.close();
	}

	@Test
	void homeShowsThePublishedCatalogAndANewEventArrivesLive() {
		this.browser.open("/?locale=en");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.findAll("#event-list li").size() >= 5
					&& !this.browser.texts("#counters .counter-sentence").isEmpty());
		assertThat(this.browser.texts(".clock-city")).hasSize(2).contains("London");
		assertThat(this.browser.texts("#counters .counter-sentence"))
			.anySatisfy((sentence) -> assertThat(sentence).contains("days"));
		assertThat(this.browser.text("#contacts")).isNotBlank();
		assertThat(this.browser.text("#featured .featured-title")).isNotBlank();
		this.browser.screenshot(this.test, "home");

		String title = "Reception for the drill " + UUID.randomUUID().toString().substring(0, 6);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", "e2e-" + UUID.randomUUID().toString().substring(0, 8));
		event.put("locale", "en");
		event.put("date", LocalDate.now(ZoneOffset.UTC).toString());
		event.put("timeZone", "Europe/London");
		event.put("title", title);
		event.put("lead", "Published while the page was open");
		this.browser.script("window.sameDocument = true");
		Gateway gateway = new Gateway(this.platform.gatewayUrl(), this.platform.editorKey(), this.platform.adminKey());
		assertThat(gateway.send("POST", "/api/v1/events", MessageJson.mapper().writeValueAsString(event)).statusCode())
			.isEqualTo(201);
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.texts("#event-list .event-title").contains(title));
		assertThat(this.browser.script("return window.sameDocument === true")).isEqualTo(true);
		this.browser.screenshot(this.test, "live");
		assertThat(this.browser.problems()).isEmpty();
	}

	@Test
	void anArticleOpensAndASearchWithAFilterNarrowsAndDrawsItsChart() {
		this.browser.open("/?locale=en");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.find("#featured .featured-title a") != null);
		String featured = this.browser.text("#featured .featured-title");
		this.browser.click("#featured .featured-title a");
		await().atMost(PATIENCE).until(() -> this.browser.path().startsWith("/articles/"));
		await().atMost(PATIENCE).ignoreExceptions().until(() -> this.browser.text("h1.item-title").equals(featured));
		this.browser.screenshot(this.test, "article");

		this.browser.open("/search?q=embassy");
		await().atMost(PATIENCE).ignoreExceptions().until(() -> !this.browser.findAll("#results .result").isEmpty());
		String everything = this.browser.text("#search-status");
		assertThat(this.browser.findAll("#chart svg .chart-bar")).isNotEmpty();
		this.browser.click("#kind option[value='speech']");
		this.browser.click("#search-form .search-box button[type='submit']");
		await().atMost(PATIENCE).until(() -> this.browser.path().contains("kind=speech"));
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> !this.browser.text("#search-status").equals(everything)
					&& !this.browser.findAll("#results .result").isEmpty());
		assertThat(count(this.browser.text("#search-status"))).isLessThan(count(everything));
		assertThat(this.browser.texts("#results .result .kind"))
			.allSatisfy((kind) -> assertThat(kind).isEqualToIgnoringCase("Speech"));
		assertThat(this.browser.findAll("#chart svg .chart-bar")).isNotEmpty();
		this.browser.screenshot(this.test, "search-speeches");
		assertThat(this.browser.problems()).isEmpty();
	}

	private static long count(String status) {
		return Long.parseLong(status.replaceAll("[^0-9]", ""));
	}

}
