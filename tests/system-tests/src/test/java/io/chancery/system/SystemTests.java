package io.chancery.system;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.chancery.contracts.MessageJson;
import io.chancery.localrun.LocalPlatform;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform as a whole, driven only through the gateway: what an editor publishes is
 * visible in search, listings and the home page within two seconds; replacements and
 * withdrawals follow; counters and site details reach the home page.
 */
@org.junit.jupiter.api.Order(2)
class SystemTests {

	private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(2);

	private static Gateway gateway;

	private final String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	@BeforeAll
	static void stack() {
		LocalPlatform platform = Stack.get();
		gateway = new Gateway(platform.gatewayUrl(), platform.editorKey(), platform.adminKey());
	}

	@Test
	void publishedIsVisibleInSearchListingsAndHomeWithinTwoSeconds() {
		String id = "sys-" + this.word;
		// Dated now, so the newest published by now: the home page's featured article.
		String publishedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
		HttpResponse<String> created = gateway.send("POST", "/api/v1/articles",
				json(article(id, "Speech about " + this.word, publishedAt)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long published = System.nanoTime();
		// The listing up to just after it, past which the demo catalog may hold later
		// items.
		String until = Instant.now().plusSeconds(1).toString();
		awaitWithin(VISIBLE_WITHIN, "search, listing and home",
				() -> total("/api/v1/search?q=" + this.word) == 1
						&& gateway.get("/api/v1/articles?kind=speech&size=5&to=" + until)
							.get("results")
							.get(0)
							.get("id")
							.asString()
							.equals(id)
						&& id.equals(gateway.get("/api/v1/home?locale=en").path("featured").path("id").asString()));
		System.out.printf("[system] publish → visible in search, listing and home: %d ms%n",
				Duration.ofNanos(System.nanoTime() - published).toMillis());

		String event = "sys-event-" + this.word;
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", event);
		body.put("locale", "en");
		// Two days ahead of UTC's date, so after "today" in the institution's zone
		// whatever the hour: tomorrow in UTC is already today in Moscow from 21:00 UTC.
		body.put("date", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
		body.put("timeZone", "Europe/London");
		body.put("title", "Reception " + this.word);
		body.put("lead", "The embassy receives guests");
		assertThat(gateway.send("POST", "/api/v1/events", json(body)).statusCode()).isEqualTo(201);
		// Dated after today, so coming up rather than among the latest.
		awaitWithin(VISIBLE_WITHIN, "upcoming events on home",
				() -> gateway.get("/api/v1/home?locale=en")
					.path("upcomingEvents")
					.toString()
					.contains("\"" + event + "\""));
	}

	@Test
	void replaceAndWithdraw() {
		String id = "sys-r-" + this.word;
		HttpResponse<String> created = gateway.send("POST", "/api/v1/articles",
				json(article(id, "First title " + this.word, "2024-05-01T10:00:00+03:00")));
		assertThat(created.statusCode()).isEqualTo(201);
		String etag = created.headers().firstValue("ETag").orElseThrow();
		awaitWithin(VISIBLE_WITHIN, "created", () -> total("/api/v1/search?q=" + this.word) == 1);

		HttpResponse<String> replaced = gateway.send("PUT", "/api/v1/articles/" + id + "/en",
				json(article(id, "Second title " + this.word, "2024-05-01T10:00:00+03:00")), "If-Match", etag);
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		HttpResponse<String> stale = gateway.send("PUT", "/api/v1/articles/" + id + "/en",
				json(article(id, "Stale " + this.word, "2024-05-01T10:00:00+03:00")), "If-Match", etag);
		assertThat(stale.statusCode()).isEqualTo(409);
		awaitWithin(VISIBLE_WITHIN, "replaced",
				() -> gateway.get("/api/v1/articles/" + id + "?locale=en")
					.get("title")
					.asString()
					.startsWith("Second"));

		assertThat(gateway.send("DELETE", "/api/v1/articles/" + id + "/en", null).statusCode()).isEqualTo(200);
		awaitWithin(VISIBLE_WITHIN, "withdrawn",
				() -> gateway.raw("/api/v1/articles/" + id + "?locale=en").statusCode() == 410
						&& total("/api/v1/search?q=" + this.word) == 0);
	}

	@Test
	void anEventWithACounterCountsForTheGivenInstant() {
		String id = "sys-c-" + this.word;
		Map<String, Object> body = eventWithCounter(id, "The test incident", "days have passed since the test incident",
				null);
		assertThat(gateway.send("POST", "/api/v1/events", json(body)).statusCode()).isEqualTo(201);
		awaitWithin(VISIBLE_WITHIN, "counter",
				() -> gateway.raw("/api/v1/counters/" + id + "?locale=en").statusCode() == 200);
		JsonNode counters = gateway.get("/api/v1/counters?locale=en&at=2021-01-01T12:00:00Z");
		JsonNode ours = null;
		for (JsonNode each : counters.get("counters")) {
			if (each.get("id").asString().equals(id)) {
				ours = each;
			}
		}
		assertThat(ours).isNotNull();
		assertThat(ours.get("value").asLong()).isEqualTo(366);
		assertThat(ours.get("text").asString()).contains("366", "days have passed since the test incident");
		JsonNode home = gateway.get("/api/v1/home?locale=en&at=2021-01-01T12:00:00Z");
		assertThat(home.get("counters").toString()).contains(id);
	}

	@Test
	void aScheduledCounterIsShownToNobodyBeforeItsTimeWhateverInstantIsAsked() {
		String soon = "sys-s-" + this.word;
		String later = "sys-l-" + this.word;
		Instant due = Instant.now().plusSeconds(6);
		assertThat(gateway.send("POST", "/api/v1/events", json(scheduled(soon, "due soon", due))).statusCode())
			.isEqualTo(201);
		assertThat(gateway
			.send("POST", "/api/v1/events", json(scheduled(later, "still under embargo", due.plusSeconds(86_400))))
			.statusCode()).isEqualTo(201);
		for (String path : List.of("/api/v1/counters?locale=en&at=2199-01-01T00:00:00Z",
				"/api/v1/home?locale=en&at=2199-01-01T00:00:00Z", "/api/v1/search?q=embargo",
				"/api/v1/events?size=50")) {
			assertThat(gateway.raw(path).body()).as(path).doesNotContain(later, "still under embargo");
		}
		assertThat(gateway.raw("/api/v1/events/" + later + "?locale=en").statusCode()).isEqualTo(404);
		// Evidence that counter-service read both: the first is shown once its time came.
		awaitWithin(Duration.ofSeconds(30), "the counter due soon",
				() -> gateway.raw("/api/v1/counters/" + soon + "?locale=en").statusCode() == 200);
		assertThat(Instant.now()).isAfterOrEqualTo(due);
		assertThat(gateway.raw("/api/v1/counters/" + later + "?locale=en&at=2199-01-01T00:00:00Z").statusCode())
			.isEqualTo(404);
		assertThat(gateway.raw("/api/v1/counters?locale=en&at=2199-01-01T00:00:00Z").body()).contains(soon)
			.doesNotContain(later, "still under embargo");
		assertThat(gateway.raw("/api/v1/home?locale=en&at=2199-01-01T00:00:00Z").body()).doesNotContain(later,
				"still under embargo");
	}

	private static Map<String, Object> scheduled(String id, String caption, Instant publishAt) {
		return eventWithCounter(id, "The " + caption + " event", "days since the " + caption + " event", publishAt);
	}

	/** An event on 1 January 2020 with a counter since then, scheduled when given. */
	private static Map<String, Object> eventWithCounter(String id, String title, String caption,
			@Nullable Instant publishAt) {
		Map<String, Object> counter = new LinkedHashMap<>();
		counter.put("caption", caption);
		counter.put("timeZone", "Europe/London");
		counter.put("direction", "since");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("locale", "en");
		body.put("date", "2020-01-01");
		body.put("timeZone", "Europe/London");
		body.put("title", title);
		if (publishAt != null) {
			body.put("publishAt", publishAt.toString());
		}
		body.put("counter", counter);
		return body;
	}

	@Test
	void siteDetailsChangeShowsOnTheHomePage() {
		String name = "Embassy " + this.word;
		Map<String, Object> site = new LinkedHashMap<>();
		site.put("name", name);
		site.put("contacts",
				List.of(Map.of("title", "Consular section", "phones", List.of("+44 20 0000 0000"), "emails",
						List.of("consular@example.org"), "address", "1 Test Street, London", "hours",
						"Mon–Fri 10:00–13:00")));
		site.put("clocks", List.of(Map.of("name", "Moscow", "timeZone", "Europe/Moscow"),
				Map.of("name", "London", "timeZone", "Europe/London")));
		HttpResponse<String> put = gateway.send("PUT", "/api/v1/site/en", json(site));
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		awaitWithin(VISIBLE_WITHIN, "site on home",
				() -> name.equals(gateway.get("/api/v1/home?locale=en").path("site").path("name").asString()));
		JsonNode home = gateway.get("/api/v1/home?locale=en&at=2024-06-12T21:30:00Z");
		assertThat(home.get("zone").asString()).isEqualTo("Europe/Moscow");
		assertThat(home.get("today").asString()).isEqualTo("2024-06-13");
		assertThat(home.get("clocks").toString()).contains("London");
	}

	@Test
	void anEditorPinsTheFeaturedArticleFromItsPublicationAndUnpinsIt() {
		String id = "sys-pin-" + this.word;
		HttpResponse<String> created = gateway.send("POST", "/api/v1/articles",
				json(article(id, "Pinned " + this.word, "2024-05-01T10:00:00+03:00")));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		awaitWithin(VISIBLE_WITHIN, "the article", () -> gateway.raw("/api/v1/articles/" + id).statusCode() == 200);
		@SuppressWarnings("unchecked")
		Map<String, Object> site = MessageJson.mapper().convertValue(gateway.get("/api/v1/site?locale=en"), Map.class);
		site.keySet().retainAll(List.of("name", "contacts", "clocks"));

		site.put("featuredArticleId", "Not an id");
		HttpResponse<String> refused = gateway.send("PUT", "/api/v1/site/en", json(site));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("featuredArticleId");
		site.put("featuredArticleId", id);
		assertThat(gateway.send("PUT", "/api/v1/site/en", json(site)).statusCode()).isEqualTo(200);
		awaitWithin(VISIBLE_WITHIN, "the pinned article featured",
				() -> id.equals(gateway.get("/api/v1/home?locale=en").path("featured").path("id").asString()));
		assertThat(gateway.get("/api/v1/home?locale=en&at=2024-04-30T12:00:00Z").path("featured").path("id").asString())
			.as("featured before the pinned article was published")
			.isNotEqualTo(id);

		site.remove("featuredArticleId");
		assertThat(gateway.send("PUT", "/api/v1/site/en", json(site)).statusCode()).isEqualTo(200);
		awaitWithin(VISIBLE_WITHIN, "the newest featured again",
				() -> !id.equals(gateway.get("/api/v1/home?locale=en").path("featured").path("id").asString()));
	}

	private static long total(String pathAndQuery) {
		return gateway.get(pathAndQuery).get("total").asLong();
	}

	private static Map<String, Object> article(String id, String title, String publishedAt) {
		Map<String, Object> article = new LinkedHashMap<>();
		article.put("id", id);
		article.put("locale", "en");
		article.put("kind", "speech");
		article.put("title", title);
		article.put("lead", "A lead");
		article.put("body", "<p>The ambassador spoke.</p>");
		article.put("publishedAt", publishedAt);
		article.put("timeZone", "Europe/London");
		article.put("people", List.of("The Ambassador"));
		article.put("tags", List.of("system-test"));
		return article;
	}

	private static String json(Object value) {
		return MessageJson.mapper().writeValueAsString(value);
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/** Polls until the condition holds; fails if that takes longer than {@code limit}. */
	static void awaitWithin(Duration limit, String what, BooleanSupplier condition) {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		while (true) {
			boolean met;
			try {
				met = condition.getAsBoolean();
			}
			catch (RuntimeException | AssertionError ex) {
				met = false;
			}
			if (met) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(what + " not reached within " + limit.toMillis() + " ms");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
