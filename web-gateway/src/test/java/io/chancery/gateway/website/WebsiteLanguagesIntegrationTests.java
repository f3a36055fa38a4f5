package io.chancery.gateway.website;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The website with a third language set and no words written for it, and its assets under
 * hashed names: what an operator gets from {@code CHANCERY_LOCALES=en,ru,de} alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "chancery.limits.reads-per-minute=100000",
				"chancery.site.locales=en,ru,de" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebsiteLanguagesIntegrationTests {

	private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/home\\.[0-9a-f]{10}\\.js)\"");

	private static final StandInServices services = new StandInServices();

	private final HttpClient http = HttpClient.newHttpClient();

	private BrowserSession browser;

	private String base;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		services.standIn(registry);
	}

	@BeforeAll
	void start(@LocalServerPort int port) {
		this.base = "http://127.0.0.1:" + port;
		this.browser = BrowserSession.start(this.base);
	}

	@AfterAll
	void stop() {
		try {
			this.browser.close();
		}
		finally {
			services.close();
		}
	}

	@Test
	void aThirdLanguageNeedsOnlyItsSettingAndShowsTheDefaultWordsUntilItHasItsOwn() throws Exception {
		this.browser.open("/?locale=de");
		assertThat(this.browser.script("return document.documentElement.lang")).isEqualTo("de");
		assertThat(this.browser.texts(".language-switch a")).containsExactly("English", "Русский", "Deutsch");
		assertThat(this.browser.findAll("link[rel=alternate][hreflang]")
			.stream()
			.map((link) -> link.getAttribute("hreflang"))).containsExactly("en", "ru", "de");
		assertThat(this.browser.text(".site-nav a[href^='/archive']")).isEqualTo("All messages");
		assertThat(this.browser.find(".site-nav a[href^='/archive']").getAttribute("href"))
			.endsWith("/archive?locale=de");

		this.browser.open("/search?locale=de");
		assertThat(this.browser.findAll("#content-locale option").stream().map(WebElement::getText)).contains("Deutsch",
				"Englisch", "Russisch");
		this.browser.open("/archive?locale=de");
		assertThat(this.browser.text("#archive-count")).endsWith("messages");
		assertThat(this.browser.problems()).isEmpty();

		HttpResponse<String> refused = get("/api/v1/home?locale=fr");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("en", "ru", "de");
		assertThat(get("/api/v1/home?locale=de").statusCode()).isEqualTo(200);
	}

	@Test
	void assetsHaveNamesOfTheirContentAndAreKeptForGood() throws Exception {
		Matcher script = SCRIPT.matcher(get("/").body());
		assertThat(script.find()).as("the home page's script under its hashed name").isTrue();
		HttpResponse<String> home = get(script.group(1));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(home.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000", "immutable");
		assertThat(home.body()).containsPattern("from '\\./page\\.[0-9a-f]{10}\\.js'");

		Matcher words = Pattern.compile("'\\./(words\\.[0-9a-f]{10}\\.json)'").matcher(get("/assets/i18n.js").body());
		assertThat(words.find()).as("the words imported under their hashed name").isTrue();
		HttpResponse<String> served = get("/assets/" + words.group(1));
		assertThat(JsonMapper.builder().build().readTree(served.body()).propertyNames()).containsExactly("en", "ru",
				"de");

		HttpResponse<String> plain = get("/assets/site.css");
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(plain.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600")
			.doesNotContain("immutable");
		assertThat(get("/assets/nothing.js").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
