package io.chancery.gateway.home;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.chancery.gateway.routing.UpstreamProperties;
import io.chancery.gateway.web.SiteProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page's rules, with the services' answers given here instead of asked over the
 * network: which article is featured as of an instant, which day splits the latest events
 * from the upcoming ones, and what a failed or empty part becomes. What the real services
 * answer is the subject of the gateway's and the system's integration tests.
 */
class HomeComposerTests {

	private static final Instant AT = Instant.parse("2026-03-01T22:30:00Z");

	private static final int COUNTER_PORT = 8083;

	/**
	 * The services' answers by path; a path not here is a 404, or a 500 from
	 * counter-service.
	 */
	private final Map<String, String> answers = new HashMap<>();

	private final List<URI> asked = new CopyOnWriteArrayList<>();

	@Test
	void thePinnedArticleIsFeaturedOnceItIsPublishedAndTheNewestBeforeThat() {
		site("{\"featuredArticleId\":\"pinned\",\"clocks\":[]}");
		this.answers.put("/api/v1/articles", "{\"results\":[{\"id\":\"newest\"}]}");
		this.answers.put("/api/v1/articles/newest", "{\"id\":\"newest\",\"publishedAt\":\"2026-02-27T10:00:00Z\"}");
		this.answers.put("/api/v1/articles/pinned", "{\"id\":\"pinned\",\"publishedAt\":\"2026-03-01T22:00:00Z\"}");
		assertThat(compose().featured().path("id").asString()).isEqualTo("pinned");

		this.answers.put("/api/v1/articles/pinned", "{\"id\":\"pinned\",\"publishedAt\":\"2026-03-02T08:00:00Z\"}");
		assertThat(compose().featured().path("id").asString()).isEqualTo("newest");
		// The newest is asked for as of the page's instant, among the kinds a page
		// features.
		assertThat(this.asked).filteredOn((uri) -> uri.getPath().equals("/api/v1/articles"))
			.singleElement()
			.satisfies((uri) -> assertThat(uri.getQuery()).contains("to=" + AT, "kind=speech,interview,article"));
	}

	@Test
	void theDayThatSplitsTheEventsIsTheInstitutionsDayAtThatInstant() {
		// 22:30 UTC is already the next morning in Tokyo.
		site("{\"clocks\":[{\"timeZone\":\"Asia/Tokyo\"}]}");
		this.answers.put("/api/v1/articles", "{\"results\":[]}");
		this.answers.put("/api/v1/events", "{\"results\":[{\"id\":\"e\"}]}");
		Home home = compose();
		assertThat(home.today()).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(home.zone()).isEqualTo("Asia/Tokyo");
		assertThat(home.featured()).isNull();
		assertThat(home.unavailable()).isEmpty();
		assertThat(home.latestEvents()).hasSize(1);
		assertThat(this.asked).filteredOn((uri) -> uri.getPath().equals("/api/v1/events"))
			.extracting(URI::getQuery)
			.anySatisfy((query) -> assertThat(query).contains("to=2026-03-02"))
			.anySatisfy((query) -> assertThat(query).contains("from=2026-03-03", "order=oldest"));
	}

	@Test
	void aFailedServiceCostsItsPartsOnlyAndAMissingItemIsNoFailure() {
		// counter-service answers 500 to everything: site, clocks, counters.
		this.answers.put("/api/v1/articles", "{\"results\":[{\"id\":\"gone\"}]}");
		this.answers.put("/api/v1/events", "{\"results\":[]}");
		Home home = compose();
		assertThat(home.unavailable()).containsExactlyInAnyOrder("site", "clocks", "counters");
		// The newest article's own page answered 404: nothing to feature, nothing failed.
		assertThat(home.featured()).isNull();
		assertThat(home.latestEvents()).isEmpty();
		// Without site details the configured zone decides the day.
		assertThat(home.zone()).isEqualTo("Europe/Moscow");
		assertThat(home.today()).isEqualTo(LocalDate.of(2026, 3, 2));
	}

	private void site(String details) {
		this.answers.put("/api/v1/site", details);
		this.answers.put("/api/v1/clocks", "{\"clocks\":[]}");
		this.answers.put("/api/v1/counters", "{\"counters\":[]}");
	}

	private Home compose() {
		this.asked.clear();
		WebClient.Builder client = WebClient.builder().exchangeFunction((request) -> {
			this.asked.add(request.url());
			String body = this.answers.get(request.url().getPath());
			if (body == null) {
				return Mono.just(ClientResponse.create((request.url().getPort() == COUNTER_PORT)
						? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.NOT_FOUND)
					.build());
			}
			return Mono.just(ClientResponse.create(HttpStatus.OK)
				.header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
				.body(body)
				.build());
		});
		UpstreamProperties upstreams = new UpstreamProperties(URI.create("http://127.0.0.1:8081"),
				URI.create("http://127.0.0.1:8082"), URI.create("http://127.0.0.1:" + COUNTER_PORT),
				Duration.ofSeconds(10), Duration.ofSeconds(4));
		ReactiveResilience4JCircuitBreakerFactory breakers = new ReactiveResilience4JCircuitBreakerFactory(
				CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), null,
				new Resilience4JConfigurationProperties());
		HomeComposer composer = new HomeComposer(client, upstreams, breakers,
				new SiteProperties(ZoneId.of("Europe/Moscow"), URI.create("http://localhost:8080"), List.of("en")),
				new HomeProperties(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(500)));
		return composer.compose("en", AT).block(Duration.ofSeconds(5));
	}

}
