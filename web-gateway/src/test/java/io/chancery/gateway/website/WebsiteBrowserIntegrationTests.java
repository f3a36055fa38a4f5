package io.chancery.gateway.website;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reference website in headless Chromium, served by the gateway in front of stand-in
 * services that answer in the real services' shapes: the home page's clocks, counters,
 * contacts and events; live news over the stream; search, archive and article pages;
 * Russian; a phone's width; the keyboard. Every test ends with no script errors or policy
 * violations in the console, and leaves screenshots under {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "chancery.limits.reads-per-minute=100000" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebsiteBrowserIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final StandInServices services = new StandInServices();

	private BrowserSession browser;

	private String test;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		services.standIn(registry);
	}

	@BeforeAll
	void startBrowser(@LocalServerPort int port) {
		this.browser = BrowserSession.start("http://127.0.0.1:" + port);
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

	@BeforeEach
	void name(TestInfo info) {
		this.test = info.getTestMethod().orElseThrow().getName();
	}

	@AfterEach
	void leave() {
		this.browser.desktop().open("about:blank");
		this.browser.problems();
	}

	@Test
	void homeShowsTickingClocksCountersContactsAndLatestEvents() {
		this.browser.open("/");
		// The latest are those dated on or before today; those ahead are coming up.
		String day = LocalDate.now(LONDON).toString();
		List<String> events = services.published("event", "en")
			.stream()
			.filter((e) -> ((String) e.get("eventDate")).compareTo(day) <= 0)
			.map((e) -> (String) e.get("title"))
			.toList();
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.texts("#event-list .event-title"), (titles) -> titles.equals(events));
		this.browser.screenshot(this.test, "home");

		assertThat(this.browser.texts(".clock-city")).containsExactly("London", "Moscow");
		assertThat(secondsApart(this.browser.text(".clock[data-zone='Europe/London'] .clock-time"), LONDON))
			.as("London's clock shows London's time, summer or winter")
			.isLessThanOrEqualTo(5);
		assertThat(secondsApart(this.browser.text(".clock[data-zone='Europe/Moscow'] .clock-time"),
				ZoneId.of("Europe/Moscow")))
			.isLessThanOrEqualTo(5);
		String shown = this.browser.text(".clock-time");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.browser.text(".clock-time"), (now) -> !now.equals(shown));

		LocalDate today = LocalDate.now(LONDON);
		assertThat(this.browser.text("#today-date")).contains(String.valueOf(today.getYear()))
			.contains(today.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH))
			.contains(String.valueOf(today.getDayOfMonth()));

		assertThat(this.browser.texts("#counters .counter-sentence")).containsExactly(
				services.counterText("e-saga-crew", "en", Instant.now()),
				services.counterText("e-portvale", "en", Instant.now()));

		assertThat(attributes("#contacts a[href^='tel:']", "href")).containsExactly("tel:+442079460321",
				"tel:+442079460322", "tel:+447700900456");
		assertThat(attributes("#contacts a[href^='mailto:']", "href"))
			.containsExactly("mailto:consular@norvania-embassy.example");
		assertThat(this.browser.text("#contacts")).contains("Consular section", "Monday to Thursday");

		assertThat(this.browser.text("#featured .featured-title"))
			.isEqualTo("Address by the Ambassador to the Harbour Cities Forum");
		assertThat(this.browser.text("#featured .prose blockquote"))
			.contains("A harbour is a promise that a stranger will be received safely.");
		assertThat(this.browser.find("#all-messages").getAttribute("href")).endsWith("/archive");
		assertThat(this.browser.find("#unavailable").isDisplayed()).isFalse();
		assertThat(attributes("#event-list time", "datetime")).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertNoProblems();
	}

	@Test
	void aNewEventAppearsAndACounterRollsOverWithoutReload() {
		this.browser.open("/");
		await().atMost(PATIENCE).ignoreExceptions().until(() -> this.browser.findAll("#event-list li").size() == 6);
		await().atMost(PATIENCE).until(() -> services.listeners() >= 1);
		this.browser.script("window.sameDocument = true");

		services.publishEvent("en", "e-garden-open", LocalDate.now(LONDON), "The Embassy garden opens to visitors",
				"For one weekend the garden on Larchmont Gardens is open to everyone.");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.text("#event-list li:first-child .event-title"),
					(title) -> title.equals("The Embassy garden opens to visitors"));
		assertThat(this.browser.text("#event-list li:first-child .badge")).isEqualToIgnoringCase("New");
		assertThat(this.browser.find("#event-list").getAttribute("aria-live")).isEqualTo("polite");

		Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
		services.rollOver("e-portvale", "en", tomorrow);
		String rolled = services.counterText("e-portvale", "en", tomorrow);
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.texts("#counters .counter-sentence"), (texts) -> texts.contains(rolled));
		assertThat(this.browser.script("return window.sameDocument === true")).isEqualTo(true);
		this.browser.screenshot(this.test, "live");
		assertNoProblems();
	}

	@Test
	void anEventDatedAheadArrivesAmongTheUpcomingNotTheLatest() {
		this.browser.open("/");
		await().atMost(PATIENCE).until(() -> services.listeners() >= 1);
		String title = "Concert for the friends of the Embassy";
		services.publishEvent("en", "e-concert-ahead", LocalDate.now(LONDON).plusDays(3), title,
				"An evening of music in the garden.");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.texts("#upcoming-list .event-title"), (titles) -> titles.contains(title));
		assertThat(this.browser.find("#upcoming-section").isDisplayed()).isTrue();
		assertThat(this.browser.texts("#event-list .event-title")).doesNotContain(title);
		this.browser.screenshot(this.test, "upcoming");
		assertNoProblems();
	}

	@Test
	void searchWithAFilterNarrowsTheResultsAndDrawsTheChart() {
		int everything = services.published(null, null).size();
		this.browser.open("/search");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.findAll("#results .result").size() == everything);
		assertThat(this.browser.findAll("#chart svg .chart-bar")).isNotEmpty();
		assertThat(this.browser.find("#chart svg title").getAttribute("textContent")).isEqualTo("Results over time");
		assertThat(this.browser.find("#chart svg desc").getAttribute("textContent")).contains("Results per month");
		this.browser.screenshot(this.test, "all");

		this.browser.click("#kind option[value='speech']");
		this.browser.click("#search-form .search-box button[type='submit']");
		await().atMost(PATIENCE).until(() -> this.browser.path().contains("kind=speech"));
		await().atMost(PATIENCE).ignoreExceptions().until(() -> this.browser.findAll("#results .result").size() == 3);
		assertThat(this.browser.texts("#results .result .kind"))
			.allSatisfy((kind) -> assertThat(kind).isEqualToIgnoringCase("Speech"));
		assertThat(this.browser.text("#search-status")).isEqualTo("3 results");
		assertThat(this.browser.texts("#active-filters .chip"))
			.anySatisfy((chip) -> assertThat(chip).contains("Kind: Speech"));
		assertThat(services.search().received())
			.anySatisfy((request) -> assertThat(request).startsWith("GET /api/v1/search?")
				.contains("kind=speech")
				.contains("facets=type,kind,locale,person,tag", "histogram=month"));
		assertThat(this.browser.findAll("#chart svg .chart-bar")).isNotEmpty();
		assertThat(this.browser.find("#export-csv").getAttribute("href")).contains("kind=speech")
			.contains("format=csv");

		this.browser.click("#facet-groups a.facet-value[href*='person=Elena']");
		await().atMost(PATIENCE).until(() -> this.browser.path().contains("person=Elena"));
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.texts("#results .result-title"), (titles) -> titles.equals(List
				.of("Address by the Ambassador to the Harbour Cities Forum", "Remarks at the National Day reception")));
		this.browser.screenshot(this.test, "speeches-by-elena-varga");
		assertNoProblems();
	}

	@Test
	void searchHighlightsTheWordsFound() {
		this.browser.open("/search?q=harbour");
		await().atMost(PATIENCE).ignoreExceptions().until(() -> this.browser.findAll("#results .result").size() == 2);
		assertThat(this.browser.texts("#results mark")).isNotEmpty()
			.allSatisfy((mark) -> assertThat(mark.toLowerCase(Locale.ROOT)).startsWith("harbour"));
		assertThat(this.browser.find("#q").getAttribute("value")).isEqualTo("harbour");
		assertThat(this.browser.find("#export-ndjson").getAttribute("href")).contains("q=harbour")
			.contains("format=ndjson");
		this.browser.screenshot(this.test, "harbour");
		assertNoProblems();
	}

	@Test
	void anArticleOpensFromItsLinkWithItsRelatedItems() {
		this.browser.open("/");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.find("#featured .featured-title a").isDisplayed());
		this.browser.click("#featured .featured-title a");
		await().atMost(PATIENCE).until(() -> this.browser.path().startsWith("/articles/s-harbour-forum"));
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.text("h1.item-title"),
					(title) -> title.equals("Address by the Ambassador to the Harbour Cities Forum"));
		assertThat(this.browser.text(".item .prose")).contains("Ten years ago four harbour cities");
		assertThat(this.browser.text(".item-facts")).contains("Elena Varga", "Guildhall, London");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> !this.browser.findAll("#related .related-item").isEmpty());
		assertThat(this.browser.driver().getTitle()).startsWith("Address by the Ambassador");
		this.browser.screenshot(this.test, "article");

		this.browser.open("/");
		await().atMost(PATIENCE).ignoreExceptions().until(() -> this.browser.find("#event-list li a").isDisplayed());
		this.browser.click("#event-list li a");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.text("h1.item-title"),
					(title) -> title.equals("Wreath-laying at the Memorial Garden"));
		assertThat(this.browser.path()).startsWith("/events/e-wreath");
		this.browser.screenshot(this.test, "event");
		assertNoProblems();
	}

	@Test
	void missingAndWithdrawnItemsSaySo() {
		this.browser.open("/articles/missing");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.text("h1.item-title"), "Not found"::equals);
		this.browser.open("/articles/retracted");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.text("h1.item-title"), "Withdrawn"::equals);
		this.browser.open("/articles/c-fishing-quotas");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.text(".withdrawal"),
					(note) -> note.contains("Replaced by the joint statement of 10 March."));
		this.browser.screenshot(this.test, "withdrawn");
	}

	@Test
	void theArchivePagesByYearAndMonth() {
		this.browser.open("/archive");
		int english = services.published(null, "en").size();
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.findAll("#archive-list .result").size() == english);
		assertThat(this.browser.texts("#months .year-link")).containsExactly("2026", "2025", "2024");
		this.browser.screenshot(this.test, "all");

		this.browser.click("#months a[href*='year=2026&month=11']");
		await().atMost(PATIENCE).until(() -> this.browser.path().contains("year=2026&month=11"));
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.findAll("#archive-list .result").size() == 3);
		assertThat(this.browser.text("#period-heading")).isEqualTo("Messages of November 2026");
		assertThat(this.browser.find("#months a[aria-current='page']").getText()).startsWith("Nov");
		this.browser.screenshot(this.test, "november-2026");
		assertNoProblems();
	}

	@Test
	void russianShowsRussianWords() {
		this.browser.open("/?locale=ru");
		await().atMost(PATIENCE)
			.ignoreExceptions()
			.until(() -> this.browser.texts("#counters .counter-sentence"),
					(texts) -> texts.contains(services.counterText("e-portvale", "ru", Instant.now())));
		assertThat(this.browser.find("html").getAttribute("lang")).isEqualTo("ru");
		assertThat(this.browser.texts(".site-nav a")).containsExactly("Главная", "Все сообщения", "Поиск");
		assertThat(this.browser.text("#events-heading")).isEqualTo("Последние события");
		assertThat(this.browser.text("#contacts-heading")).isEqualTo("Консульские контакты");
		assertThat(this.browser.text(".language-switch a[aria-current='true']")).isEqualTo("Русский");
		assertThat(this.browser.text("#today-date"))
			.contains(LocalDate.now(LONDON).getMonth().getDisplayName(TextStyle.FULL, Locale.forLanguageTag("ru")));
		assertThat(this.browser.texts(".clock-city")).containsExactly("Лондон", "Москва");
		assertThat(this.browser.find("#all-messages").getAttribute("href")).contains("locale=ru");
		this.browser.screenshot(this.test, "home");

		this.browser.open("/search?locale=ru");
		await().atMost(PATIENCE).ignoreExceptions().until(() -> !this.browser.findAll("#results .result").isEmpty());
		assertThat(this.browser.text("label[for='q']")).isEqualTo("Что искать");
		assertThat(this.browser.text("#search-status")).endsWith("результатов").startsWith("16");
		this.browser.screenshot(this.test, "search");
		assertNoProblems();
	}

	@Test
	void pagesFitAPhoneWithoutSidewaysScrolling() {
		this.browser.phone(375, 812);
		Map<String, String> pages = Map.of("home", "/", "search", "/search?q=harbour", "archive", "/archive", "article",
				"/articles/s-harbour-forum");
		pages.forEach((name, path) -> {
			this.browser.open(path);
			await().atMost(PATIENCE).ignoreExceptions().until(() -> this.browser.findAll("main .loading").isEmpty());
			assertThat(this.browser.script("return window.innerWidth")).isEqualTo(375L);
			assertThat((Long) this.browser.script("return document.documentElement.scrollWidth")).as(path)
				.isLessThanOrEqualTo(375L);
			this.browser.screenshot(this.test, name);
		});
		assertNoProblems();
	}

	@Test
	void everyPageInEachLanguagePassesTheAccessibilityAudit() {
		// Each page, and what shows its script has finished with it.
		Map<String, String> pages = new java.util.LinkedHashMap<>();
		pages.put("/", "#clocks li");
		pages.put("/articles/s-harbour-forum", "#related .related-item");
		pages.put("/events/e-wreath", "h1.item-title");
		pages.put("/articles/c-fishing-quotas", "h1.item-title");
		pages.put("/articles/missing", "h1.item-title");
		pages.put("/archive", "#archive-list .result");
		pages.put("/archive?year=2026&month=11", "#archive-list .result");
		pages.put("/search?q=harbour", "#chart svg");
		pages.put("/search?kind=speech&person=Elena+Varga", "#chart svg");
		List<String> violations = new java.util.ArrayList<>();
		for (String locale : List.of("en", "ru")) {
			int number = 0;
			for (Map.Entry<String, String> page : pages.entrySet()) {
				String path = locale.equals("en") ? page.getKey()
						: page.getKey() + (page.getKey().contains("?") ? "&" : "?") + "locale=" + locale;
				this.browser.open(path);
				await().atMost(PATIENCE)
					.ignoreExceptions()
					.until(() -> !this.browser.findAll(page.getValue()).isEmpty());
				violations.addAll(AccessibilityAudit.graveViolations(this.browser));
				this.browser.screenshot(this.test, locale + "-" + (++number));
			}
		}
		assertThat(violations).as("serious or critical accessibility violations").isEmpty();
		assertThat(this.browser.problems()).as("console errors and warnings, but the pages answered 404 on purpose")
			.allSatisfy((problem) -> assertThat(problem).contains("status of 404"));

		// The audit finds what it should: an image without a text alternative is
		// critical.
		this.browser.open("data:text/html,<html lang=en><title>t</title><main><img src=x.png></main></html>");
		assertThat(AccessibilityAudit.graveViolations(this.browser))
			.anySatisfy((violation) -> assertThat(violation).startsWith("image-alt (critical)"));
	}

	@Test
	void theKeyboardFindsTheSkipLinkFirstAndEveryControlIsLabelled() {
		this.browser.open("/search");
		await().atMost(PATIENCE).ignoreExceptions().until(() -> !this.browser.findAll("#results .result").isEmpty());
		new Actions(this.browser.driver()).sendKeys(Keys.TAB).perform();
		WebElement first = this.browser.driver().switchTo().activeElement();
		assertThat(first.getAttribute("class")).contains("skip-link");
		assertThat(first.getAttribute("href")).endsWith("#main");
		assertThat(first.getRect().getY()).as("visible when focused").isGreaterThanOrEqualTo(0);
		this.browser.screenshot(this.test, "skip-link");
		first.sendKeys(Keys.ENTER);
		await().atMost(PATIENCE)
			.until(() -> this.browser.driver().switchTo().activeElement().getAttribute("id"), "main"::equals);

		assertThat(this.browser.findAll("header")).hasSize(1);
		assertThat(this.browser.findAll("main")).hasSize(1);
		assertThat(this.browser.findAll("footer")).hasSize(1);
		assertThat(this.browser.findAll("nav[aria-label]")).isNotEmpty();
		assertThat((List<?>) this.browser.script("""
				return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
					.filter((control) => !(control.labels?.length || control.getAttribute('aria-label')
						|| control.getAttribute('aria-labelledby') || control.textContent.trim()))
					.map((control) => control.id || control.name)""")).isEmpty();
		assertNoProblems();
	}

	@Test
	void aPartThatIsDownIsNotedPolitely() {
		services.countersDown(true);
		try {
			this.browser.open("/");
			await().atMost(PATIENCE).ignoreExceptions().until(() -> this.browser.find("#unavailable").isDisplayed());
			assertThat(this.browser.text("#unavailable")).contains("counters");
			assertThat(this.browser.text("#counters")).contains("temporarily unavailable");
			assertThat(this.browser.findAll("#event-list li")).isNotEmpty();
			assertThat(this.browser.findAll(".clock")).hasSize(2);
			this.browser.screenshot(this.test, "counters-down");
		}
		finally {
			services.countersDown(false);
		}
		assertNoProblems();
	}

	private List<String> attributes(String css, String attribute) {
		return this.browser.findAll(css).stream().map((element) -> element.getAttribute(attribute)).toList();
	}

	private void assertNoProblems() {
		assertThat(this.browser.problems()).as("console errors and warnings").isEmpty();
	}

	/**
	 * How far a clock's "HH:mm:ss" is from the time now in {@code zone}, across midnight
	 * too.
	 */
	private static long secondsApart(String shown, ZoneId zone) {
		long difference = Math.abs(LocalTime.parse(shown).toSecondOfDay() - LocalTime.now(zone).toSecondOfDay());
		return Math.min(difference, 86_400 - difference);
	}

}
