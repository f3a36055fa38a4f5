package io.chancery.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.chancery.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of stand-in services: routing of every public path, the
 * authorization matrix (API keys and JWTs: anonymous, unknown, expired, wrongly signed,
 * wrong role), CORS, caching with ETags, problems when a service is down, security
 * headers, and the home page degrading part by part.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"chancery.home.part-timeout=700ms", "chancery.security.allowed-origins[0]=https://frontend.example",
		"chancery.security.api-keys[0].name=editor-bot", "chancery.security.api-keys[0].role=editor",
		"chancery.security.api-keys[0].sha256=0ee0236fa1df97bcc4629f2df81dfa0b0eeab9f90538e4731df78de94f34e4b2",
		"chancery.security.api-keys[1].name=admin-bot", "chancery.security.api-keys[1].role=admin",
		"chancery.security.api-keys[1].sha256=37ad48f6764c66f3e06c07ac0cfa55d5e282c98c39804baa94644de7324ef84e" })
class GatewayIntegrationTests {

	static final String EDITOR_KEY = "editor-key-for-tests";

	static final String ADMIN_KEY = "admin-key-for-tests";

	@RegisterExtension
	private static final Upstream search = new Upstream("search-service");

	@RegisterExtension
	private static final Upstream ingest = new Upstream("ingest-service");

	@RegisterExtension
	private static final Upstream counter = new Upstream("counter-service");

	private static final KeyPair signing = TestTokens.keyPair();

	private static final KeyPair stranger = TestTokens.keyPair();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(java.time.Duration.ofSeconds(5))
		.build();

	@Value("http://127.0.0.1:${local.server.port}")
	private String base;

	@Value("http://127.0.0.1:${local.management.port}")
	private String management;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) throws Exception {
		registry.add("chancery.upstreams.search", search::uri);
		registry.add("chancery.upstreams.ingest", ingest::uri);
		registry.add("chancery.upstreams.counter", counter::uri);
		Path pem = Files.createTempFile("gateway-test-jwt", ".pem");
		Files.writeString(pem,
				"-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(signing.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
	}

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource(
			textBlock = """
							GET,    /api/v1/search?q=treaty,             search-service,  /api/v1/search?q=treaty
							GET,    /api/v1/search/export?format=csv,    search-service,  /api/v1/search/export?format=csv
							GET,    /api/v1/articles?kind=speech,        search-service,  /api/v1/articles?kind=speech
							GET,    /api/v1/articles/a1?locale=ru,       search-service,  /api/v1/articles/a1?locale=ru
							GET,    /api/v1/events,                      search-service,  /api/v1/events
							GET,    /api/v1/archive?year=2024,           search-service,  /api/v1/archive?year=2024
							GET,    /feeds/events.atom,                  search-service,  /feeds/events.atom
							GET,    /api/v1/counters,                    counter-service, /api/v1/counters
							GET,    /api/v1/counters/c1,                 counter-service, /api/v1/counters/c1
							GET,    /api/v1/clocks?locale=ru,            counter-service, /api/v1/clocks?locale=ru
							GET,    /api/v1/site?locale=en,              counter-service, /api/v1/site?locale=en
							GET,    /api/v1/stream?locale=en,            counter-service, /api/v1/counters/stream?locale=en
							GET,    /api-docs/search,                    search-service,  /v3/api-docs
							GET,    /api-docs/ingest,                    ingest-service,  /v3/api-docs
							GET,    /api-docs/counter,                   counter-service, /v3/api-docs
							POST,   /api/v1/articles,                    ingest-service,  /api/v1/articles
							PUT,    /api/v1/articles/a1,                 ingest-service,  /api/v1/articles/a1
							DELETE, /api/v1/articles/a1?locale=en,       ingest-service,  /api/v1/articles/a1?locale=en
							POST,   /api/v1/events,                      ingest-service,  /api/v1/events
							PUT,    /api/v1/site,                        ingest-service,  /api/v1/site
							PUT,    /api/v1/site/ru,                     ingest-service,  /api/v1/site/ru
							PUT,    /api/v1/articles/a1/en,              ingest-service,  /api/v1/articles/a1/en
							POST,   /api/v1/import,                      ingest-service,  /api/v1/import
							GET,    /api/v1/imports/i1,                  ingest-service,  /api/v1/imports/i1
							POST,   /api/v1/admin/reindex,               search-service,  /api/v1/admin/reindex
							GET,    /api/v1/admin/dead-letters,          search-service,  /api/v1/admin/dead-letters
							GET,    /api/v1/admin/counters/dead-letters, counter-service, /api/v1/admin/counters/dead-letters
					GET,    /api/v1/admin/export,                ingest-service,  /api/v1/admin/export
							POST,   /api/v1/admin/counters/dead-letters/replay?from=3, counter-service, /api/v1/admin/counters/dead-letters/replay?from=3
							""")
	void routesEveryPathToItsService(String method, String path, String service, String upstreamPath) throws Exception {
		HttpResponse<String> response = send(method, path, ADMIN_KEY, "{}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Upstream upstream = switch (service) {
			case "search-service" -> search;
			case "ingest-service" -> ingest;
			default -> counter;
		};
		assertThat(upstream.received()).contains(method + " " + upstreamPath);
	}

	@Test
	void theHeaderIngestReplicasPassWritesWithNeverComesFromOutside() throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/articles/forwarded/en"))
				.header("X-Api-Key", EDITOR_KEY)
				.header("Content-Type", "application/json")
				.header("Chancery-Forwarded", "1")
				.PUT(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(ingest.headersOf("PUT /api/v1/articles/forwarded/en").getFirst("X-Api-Key")).isEqualTo(EDITOR_KEY);
		assertThat(ingest.headersOf("PUT /api/v1/articles/forwarded/en").containsKey("Chancery-Forwarded")).isFalse();
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(textBlock = """
			POST,   /api/v1/articles
			PUT,    /api/v1/articles/a1
			DELETE, /api/v1/articles/a1
			POST,   /api/v1/events
			PUT,    /api/v1/events/e1
			DELETE, /api/v1/events/e1
			PUT,    /api/v1/site
			PUT,    /api/v1/site/en
			POST,   /api/v1/import
			GET,    /api/v1/imports/i1
			POST,   /api/v1/admin/reindex
			GET,    /api/v1/admin/reindex
			GET,    /api/v1/admin/dead-letters
			POST,   /api/v1/admin/dead-letters/replay
			""")
	void everyWriteAndAdminRouteRefusesWhoMayNot(String method, String path) throws Exception {
		boolean admin = path.startsWith("/api/v1/admin");
		int before = ingest.received().size() + search.received().size();
		assertProblem(send(method, path, null, "{}"), 401);
		assertProblem(send(method, path, "not-a-key", "{}"), 401);
		assertProblem(sendBearer(method, path, jwt(signing, "editor", Instant.now().minusSeconds(60))), 401);
		assertProblem(sendBearer(method, path, jwt(stranger, "admin", Instant.now().plusSeconds(600))), 401);
		assertProblem(sendBearer(method, path, "not.a.jwt"), 401);
		assertProblem(sendBearer(method, path, jwt(signing, "reader", Instant.now().plusSeconds(600))), 403);
		if (admin) {
			assertProblem(send(method, path, EDITOR_KEY, "{}"), 403);
			assertProblem(sendBearer(method, path, jwt(signing, "editor", Instant.now().plusSeconds(600))), 403);
		}
		assertThat(ingest.received().size() + search.received().size()).as("nothing refused reached a service")
			.isEqualTo(before);
		String role = admin ? "admin" : "editor";
		assertThat(sendBearer(method, path, jwt(signing, role, Instant.now().plusSeconds(600))).statusCode())
			.isEqualTo(200);
		assertThat(send(method, path, admin ? ADMIN_KEY : EDITOR_KEY, "{}").statusCode()).isEqualTo(200);
	}

	@Test
	void readsNeedNoCredentialAndAreCacheable() throws Exception {
		search.answer("/api/v1/articles", "{\"total\":1,\"results\":[]}");
		HttpResponse<String> first = send("GET", "/api/v1/articles", null, null);
		assertThat(first.statusCode()).isEqualTo(200);
		String tag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
		HttpResponse<String> again = this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + "/api/v1/articles")).header("If-None-Match", tag).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(tag);
		assertThat(again.headers().firstValue("Cache-Control")).hasValue("public, max-age=30");
		assertThat(search.headersOf("GET /api/v1/articles").getFirst("If-None-Match"))
			.as("the service that made the answer decides whether the client has it")
			.isEqualTo(tag);
		assertThat(send("GET", "/api/v1/counters", null, null).headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).matches("public, max-age=([1-9]|[12][0-9]|30)|no-cache"));
	}

	@Test
	void corsFollowsTheAllowList() throws Exception {
		HttpResponse<String> allowed = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://frontend.example")
			.header("Access-Control-Request-Method", "GET")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://frontend.example");
		HttpResponse<String> refused = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "GET")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void pagesCarryTheContentSecurityPolicyAndSecurityHeaders() throws Exception {
		HttpResponse<String> page = send("GET", "/", null, null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void theApiIsDescribedWithSwaggerUiAtTheGateway() throws Exception {
		HttpResponse<String> docs = send("GET", "/v3/api-docs", null, null);
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("\"/api/v1/home\"", "\"/api/v1/stream\"");
		// What home accepts in practice is what its document declares.
		HttpResponse<String> refused = send("GET", "/api/v1/home?not-a-parameter=1", null, null);
		assertProblem(refused, 400);
		assertThat(refused.body()).contains("\"accepted\":[\"at\",\"locale\"]");
		List<String> declared = new java.util.ArrayList<>();
		tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(docs.body())
			.at("/paths/~1api~1v1~1home/get/parameters")
			.forEach((parameter) -> {
				if (parameter.get("in").asString().equals("query")) {
					declared.add(parameter.get("name").asString());
				}
			});
		assertThat(declared).containsExactlyInAnyOrder("locale", "at");
		assertThat(tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(docs.body())
			.at("/paths/~1api~1v1~1home/get/responses/400/content/application~1problem+json/schema/$ref")
			.asString()).isEqualTo("#/components/schemas/Problem");
		HttpResponse<String> ui = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build()
			.send(HttpRequest.newBuilder(URI.create(this.base + "/swagger-ui.html")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).containsIgnoringCase("swagger");
		HttpResponse<String> config = send("GET", "/v3/api-docs/swagger-config", null, null);
		assertThat(config.body()).contains("/api-docs/search", "/api-docs/ingest", "/api-docs/counter");
	}

	@Test
	void errorsAreProblems() throws Exception {
		assertProblem(send("GET", "/api/v1/nothing-here", null, null), 404);
		assertProblem(send("PATCH", "/api/v1/articles/a1", EDITOR_KEY, "{}"), 403);
		HttpResponse<String> large = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/articles"))
			.header("X-Api-Key", EDITOR_KEY)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("x".repeat(3 * 1024 * 1024)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertProblem(large, 413);
		assertProblem(send("GET", "/api/v1/home?colour=red", null, null), 400);
		assertProblem(send("GET", "/api/v1/home?at=yesterday", null, null), 400);
		// Refused by the firewall, before the security filter chain.
		assertProblem(send("GET", "/api/v1/articles/%2e%2e%2fetc%2fpasswd", null, null), 400);
		assertProblem(send("GET", "/api/v1/counters/%00", null, null), 400);
		// Refused by the HTTP decoder, before any filter runs.
		assertProblem(send("GET", "/api/v1/search?q=" + "x".repeat(10_000), null, null), 414);
		assertProblem(this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/home"))
			.header("X-Padding", "p".repeat(20_000))
			.build(), HttpResponse.BodyHandlers.ofString()), 431);
		assertThat(send("GET", "/livez", null, null).statusCode()).isEqualTo(200);
	}

	@Test
	void homeComposesEveryPart() throws Exception {
		counter.answer("/api/v1/site",
				"{\"name\":\"Embassy\",\"clocks\":[{\"name\":\"Moscow\",\"timeZone\":\"Europe/Moscow\"}],\"contacts\":[]}");
		counter.answer("/api/v1/clocks", "{\"clocks\":[{\"name\":\"Moscow\"}]}");
		counter.answer("/api/v1/counters", "{\"counters\":[{\"id\":\"c1\",\"value\":503}]}");
		search.answer("/api/v1/articles", "{\"results\":[{\"id\":\"a1\"}]}");
		search.answer("/api/v1/articles/a1", "{\"id\":\"a1\",\"body\":\"<p>Full</p>\"}");
		search.answer("/api/v1/events", "{\"results\":[{\"id\":\"e1\"},{\"id\":\"e2\"}]}");
		// The first calls meet cold connections and code; the page is whole once they are
		// warm.
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> send("GET", "/api/v1/home?locale=en", null, null).body().contains("\"unavailable\":[]"));
		// One composition serves the requests of the next half second; then it is
		// composed anew.
		long asked = countersAsked();
		String first = send("GET", "/api/v1/home?locale=en", null, null).body();
		String second = send("GET", "/api/v1/home?locale=en", null, null).body();
		assertThat(countersAsked() - asked).isLessThanOrEqualTo(1);
		assertThat(second).isEqualTo(first);
		Thread.sleep(600);
		asked = countersAsked();
		send("GET", "/api/v1/home?locale=en", null, null);
		assertThat(countersAsked()).isGreaterThan(asked);
		HttpResponse<String> home = send("GET", "/api/v1/home?locale=en&at=2024-06-12T21:30:00Z", null, null);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("\"today\":\"2024-06-13\"", "\"zone\":\"Europe/Moscow\"", "\"value\":503",
				"<p>Full</p>", "\"e2\"", "\"unavailable\":[]");
		assertThat(home.headers().firstValue("ETag")).isPresent();
	}

	@Test
	void anonymousHomeAnswersAsHomeWithACredentialDoes() throws Exception {
		counter.answer("/api/v1/site", "{\"name\":\"Embassy\",\"clocks\":[],\"contacts\":[]}");
		counter.answer("/api/v1/clocks", "{\"clocks\":[]}");
		counter.answer("/api/v1/counters", "{\"counters\":[]}");
		search.answer("/api/v1/articles", "{\"results\":[]}");
		search.answer("/api/v1/events", "{\"results\":[]}");
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> send("GET", "/api/v1/home?locale=ru", null, null).body().contains("\"unavailable\":[]"));
		// Anonymous requests for now are answered from the shared page (PublicHome), the
		// others by the controller.
		HttpResponse<String> anonymous = send("GET", "/api/v1/home?locale=ru", null, null);
		HttpResponse<String> keyed = send("GET", "/api/v1/home?locale=ru", EDITOR_KEY, null);
		assertThat(anonymous.statusCode()).isEqualTo(keyed.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).isEqualTo(keyed.body());
		assertThat(names(anonymous.headers().map().keySet())).isEqualTo(names(keyed.headers().map().keySet()));
		for (String header : List.of("Content-Type", "Content-Length", "ETag", "Cache-Control",
				"X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection", "Content-Security-Policy",
				"Referrer-Policy", "Permissions-Policy")) {
			assertThat(anonymous.headers().allValues(header)).as(header).isEqualTo(keyed.headers().allValues(header));
		}
		String tag = anonymous.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> again = this.http
			.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/home?locale=ru"))
				.header("If-None-Match", tag)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.headers().firstValue("ETag")).hasValue(tag);
		HttpResponse<String> head = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/home"))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		// What the controller refuses, it still refuses.
		assertProblem(send("GET", "/api/v1/home?locale=english", null, null), 400);
		assertProblem(send("GET", "/api/v1/home?locale=en&locale=ru", null, null), 400);
	}

	private static long countersAsked() {
		return counter.received().stream().filter((request) -> request.startsWith("GET /api/v1/counters")).count();
	}

	@Test
	void homeStillAnswersWithAServiceDownOrSlow() throws Exception {
		try (Upstream slow = new Upstream("counter-service")) {
			slow.slow(Duration.ofSeconds(3));
			// A dead search-service and a slow counter-service, in their own gateway.
			HttpResponse<String> home;
			try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(GatewayApplication.class,
					OwnNettyResources.class)
				.run("--server.port=0", "--management.server.port=0", "--chancery.home.part-timeout=500ms",
						"--chancery.upstreams.search=http://127.0.0.1:" + io.chancery.gateway.FreePort.find(),
						"--chancery.upstreams.counter=" + slow.uri(), "--chancery.upstreams.ingest=" + ingest.uri())) {
				int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
				long started = System.nanoTime();
				home = this.http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/home")).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			}
			assertThat(home.statusCode()).isEqualTo(200);
			assertThat(home.body())
				.contains("\"unavailable\":[\"site\",\"clocks\",\"counters\",\"featured\",\"latestEvents\","
						+ "\"upcomingEvents\"]");
			assertThat(home.headers().firstValue("Cache-Control")).hasValue("no-cache");
		}
	}

	@Test
	void anonymousReadsAnswerAsReadsWithACredentialDo() throws Exception {
		// Anonymous reads take their own path (PublicReads), the others the full one: the
		// service must get the same request and the client the same answer.
		search.answer("/api/v1/articles/same", "{\"id\":\"same\"}");
		// Headers a client could write to pose as someone else reach no service on
		// either.
		String[] posing = { "X-Forwarded-For", "203.0.113.9", "Forwarded", "for=203.0.113.9", "X-Forwarded-Host",
				"elsewhere.example", "X-Forwarded-Proto", "https" };
		HttpResponse<String> anonymous = this.http
			.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/articles/same?locale=en"))
				.headers(posing)
				.build(), HttpResponse.BodyHandlers.ofString());
		Set<String> anonymousSent = names(search.headersOf("GET /api/v1/articles/same").keySet());
		HttpResponse<String> keyed = this.http
			.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/articles/same?locale=en"))
				.headers(posing)
				.header("X-Api-Key", EDITOR_KEY)
				.build(), HttpResponse.BodyHandlers.ofString());
		Set<String> keyedSent = names(search.headersOf("GET /api/v1/articles/same").keySet());
		assertThat(anonymousSent).doesNotContain("x-forwarded-for", "forwarded", "x-forwarded-host",
				"x-forwarded-proto");
		assertThat(anonymous.statusCode()).isEqualTo(keyed.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).isEqualTo(keyed.body());
		assertThat(anonymousSent).isEqualTo(keyedSent.stream()
			.filter((name) -> !name.equals("x-api-key"))
			.collect(java.util.stream.Collectors.toSet()));
		assertThat(names(anonymous.headers().map().keySet())).isEqualTo(names(keyed.headers().map().keySet()));
		for (String header : List.of("Content-Type", "ETag", "Cache-Control", "X-Content-Type-Options",
				"X-Frame-Options", "X-XSS-Protection", "Content-Security-Policy", "Referrer-Policy",
				"Permissions-Policy")) {
			assertThat(anonymous.headers().allValues(header)).as(header).isEqualTo(keyed.headers().allValues(header));
		}
		assertThat(new java.util.TreeSet<>(anonymous.headers().allValues("Vary")))
			.isEqualTo(new java.util.TreeSet<>(keyed.headers().allValues("Vary")));
		assertThat(anonymous.headers().firstValue("RateLimit"))
			.hasValueSatisfying((limit) -> assertThat(limit).startsWith("limit=600, remaining="));
		// Both are timed as server requests, under one set of tags.
		// A proxied request matches no template: both paths count under the route's id,
		// so
		// objectives can be set per route.
		double before = readsCounted();
		send("GET", "/api/v1/articles/same?locale=en", null, null);
		assertThat(readsCounted()).isEqualTo(before + 1);
		send("GET", "/api/v1/articles/same?locale=en", EDITOR_KEY, null);
		assertThat(readsCounted()).isEqualTo(before + 2);
		assertThat(metrics().filter((line) -> line.startsWith("http_server_requests_seconds_count{"))
			.map((line) -> line.substring(0, line.indexOf('}')).replaceAll("=\"[^\"]*\"", ""))
			.distinct()).hasSize(1);
	}

	@Test
	void keyedChangesAnswerAsChangesWithABearerTokenDo() throws Exception {
		// A change with an API key takes its own path (ContentWritePath), one with a
		// bearer token the full path: the service must get the same request and the
		// client the same answer.
		String change = "{\"title\":\"Заявление\",\"body\":\"<p>Both paths</p>\"}";
		String[] posing = { "X-Forwarded-For", "203.0.113.9", "Forwarded", "for=203.0.113.9", "X-Forwarded-Host",
				"elsewhere.example", "Chancery-Forwarded", "1", "Idempotency-Key", "same-change" };
		String path = "/api/v1/articles/same/en";
		HttpResponse<String> keyed = this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.headers(posing)
			.header("X-Api-Key", EDITOR_KEY)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(change))
			.build(), HttpResponse.BodyHandlers.ofString());
		Set<String> keyedRaw = lower(ingest.headersOf("PUT " + path).keySet());
		Set<String> keyedSent = names(ingest.headersOf("PUT " + path).keySet());
		String keyedBody = ingest.bodyOf("PUT " + path);
		HttpResponse<String> bearer = this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.headers(posing)
			.header("Authorization", "Bearer " + jwt(signing, "editor", Instant.now().plusSeconds(600)))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(change))
			.build(), HttpResponse.BodyHandlers.ofString());
		Set<String> bearerSent = names(ingest.headersOf("PUT " + path).keySet());
		// Two paths indeed: the full one traces the call to the service, the short one
		// starts no span.
		assertThat(lower(ingest.headersOf("PUT " + path).keySet())).contains("traceparent");
		assertThat(keyedRaw).doesNotContain("traceparent");

		assertThat(keyed.statusCode()).as(keyed.body()).isEqualTo(bearer.statusCode()).isEqualTo(200);
		assertThat(keyed.body()).isEqualTo(bearer.body());
		assertThat(keyedBody).isEqualTo(ingest.bodyOf("PUT " + path)).isEqualTo(change);
		assertThat(keyedSent).contains("x-api-key", "idempotency-key")
			.doesNotContain("x-forwarded-for", "forwarded", "x-forwarded-host", "chancery-forwarded");
		assertThat(without(keyedSent, "x-api-key")).isEqualTo(without(bearerSent, "authorization"));
		assertThat(names(keyed.headers().map().keySet())).isEqualTo(names(bearer.headers().map().keySet()));
		for (String header : List.of("Content-Type", "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection",
				"Content-Security-Policy", "Referrer-Policy", "Permissions-Policy", "Cache-Control")) {
			assertThat(keyed.headers().allValues(header)).as(header).isEqualTo(bearer.headers().allValues(header));
		}
		assertThat(keyed.headers().firstValue("RateLimit"))
			.hasValueSatisfying((limit) -> assertThat(limit).startsWith("limit=120, remaining="));
		// Both are timed under the route's id.
		double before = writesCounted();
		send("PUT", path, EDITOR_KEY, change);
		assertThat(writesCounted()).isEqualTo(before + 1);
		this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + jwt(signing, "editor", Instant.now().plusSeconds(600)))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(change))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(writesCounted()).isEqualTo(before + 2);
	}

	private static Set<String> lower(Collection<String> names) {
		return names.stream()
			.map((name) -> name.toLowerCase(java.util.Locale.ROOT))
			.collect(java.util.stream.Collectors.toSet());
	}

	private static Set<String> without(Set<String> names, String name) {
		return names.stream().filter((each) -> !each.equals(name)).collect(java.util.stream.Collectors.toSet());
	}

	private double readsCounted() throws Exception {
		return counted("GET", "search-reads");
	}

	private double writesCounted() throws Exception {
		return counted("PUT", "ingest-writes");
	}

	/** Requests answered 200 as the server timer counts them, by method and route. */
	private double counted(String method, String uri) throws Exception {
		return metrics()
			.filter((line) -> line.startsWith("http_server_requests_seconds_count{")
					&& line.contains("method=\"" + method + "\"") && line.contains("status=\"200\"")
					&& line.contains("uri=\"" + uri + "\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private java.util.stream.Stream<String> metrics() throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(this.management + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body()
			.lines();
	}

	private static Set<String> names(Collection<String> headers) {
		return headers.stream()
			.map((name) -> name.toLowerCase(java.util.Locale.ROOT))
			.filter((name) -> !name.equals("date") && !name.equals(":status"))
			// The full path traces the call to the service; the short path starts no span
			// (a client's own traceparent goes on unchanged).
			.filter((name) -> !name.equals("traceparent") && !name.equals("tracestate"))
			.collect(java.util.stream.Collectors.toSet());
	}

	@Test
	void aServiceSilentTwiceIsA503WithRetryAfterWithinTwoReadTimeouts() throws Exception {
		try (Upstream slow = new Upstream("counter-service");
				var context = new org.springframework.boot.builder.SpringApplicationBuilder(GatewayApplication.class,
						OwnNettyResources.class)
					.run("--server.port=0", "--management.server.port=0", "--chancery.upstreams.read-timeout=500ms",
							"--chancery.upstreams.counter=" + slow.uri(),
							"--chancery.security.api-keys[0].name=editor-bot",
							"--chancery.security.api-keys[0].role=editor",
							"--chancery.security.api-keys[0].sha256=0ee0236fa1df97bcc4629f2df81dfa0b0eeab9f90538e4731df78de94f34e4b2")) {
			slow.slow(Duration.ofSeconds(3));
			int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
			for (String key : new String[] { null, EDITOR_KEY }) {
				// Anonymous: the public reads' own path; with a key: the full path.
				HttpRequest.Builder request = HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/clocks"));
				if (key != null) {
					request.header("X-Api-Key", key);
				}
				long started = System.nanoTime();
				HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1000),
						Duration.ofMillis(2500));
				assertProblem(response, 503);
				assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
				assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			}
			assertThat(slow.received()).hasSize(4);
		}
	}

	@Test
	void aReadAPausedReplicaLeavesUnansweredIsSentOnceMoreAndAnsweredByAnother() throws Exception {
		try (Upstream counter = new Upstream("counter-service");
				Upstream search = new Upstream("search-service");
				PausedReplica counters = new PausedReplica(counter);
				PausedReplica searches = new PausedReplica(search);
				var context = new org.springframework.boot.builder.SpringApplicationBuilder(GatewayApplication.class,
						OwnNettyResources.class)
					.run("--server.port=0", "--management.server.port=0", "--chancery.upstreams.read-timeout=500ms",
							"--chancery.upstreams.counter=" + counters.uri(),
							"--chancery.upstreams.search=" + searches.uri(),
							"--chancery.security.api-keys[0].name=editor-bot",
							"--chancery.security.api-keys[0].role=editor",
							"--chancery.security.api-keys[0].sha256=0ee0236fa1df97bcc4629f2df81dfa0b0eeab9f90538e4731df78de94f34e4b2")) {
			int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
			// Anonymous: the public reads' own path.
			long started = System.nanoTime();
			HttpResponse<String> clocks = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/clocks")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(clocks.statusCode()).as(clocks.body()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
			// With a key: the full path.
			started = System.nanoTime();
			HttpResponse<String> found = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/search?q=x"))
					.header("X-Api-Key", EDITOR_KEY)
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
			assertThat(counters.pausedConnections()).isEqualTo(1);
			assertThat(searches.pausedConnections()).isEqualTo(1);
			assertThat(counter.received()).containsExactly("GET /api/v1/clocks");
			assertThat(search.received()).containsExactly("GET /api/v1/search?q=x");
		}
	}

	@Test
	void aServiceKilledUnderARequestIsA503WithRetryAfter() throws Exception {
		// A process killed with kill -9: its kernel answers what reaches the connections
		// it held with a reset (found by the storm drill: a write answered 500).
		try (java.net.ServerSocket killed = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
				var context = new org.springframework.boot.builder.SpringApplicationBuilder(GatewayApplication.class,
						OwnNettyResources.class)
					.run("--server.port=0", "--management.server.port=0",
							"--chancery.upstreams.ingest=http://127.0.0.1:" + killed.getLocalPort(),
							"--chancery.upstreams.counter=http://127.0.0.1:" + killed.getLocalPort(),
							"--chancery.security.api-keys[0].name=editor-bot",
							"--chancery.security.api-keys[0].role=editor",
							"--chancery.security.api-keys[0].sha256=0ee0236fa1df97bcc4629f2df81dfa0b0eeab9f90538e4731df78de94f34e4b2")) {
			Thread.ofVirtual().start(() -> {
				while (!killed.isClosed()) {
					try (java.net.Socket connection = killed.accept()) {
						connection.getInputStream().read(new byte[8192]);
						connection.setSoLinger(true, 0);
					}
					catch (java.io.IOException ex) {
						// Closed.
					}
				}
			});
			int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
			HttpResponse<String> write = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/articles/a1/en?note=Gone"))
						.header("X-Api-Key", EDITOR_KEY)
						.DELETE()
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertProblem(write, 503);
			assertThat(write.headers().firstValue("Retry-After")).isPresent();
			assertThat(write.body()).contains("Idempotency-Key");
			HttpResponse<String> read = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/clocks")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertProblem(read, 503);
			assertThat(read.headers().firstValue("Retry-After")).isPresent();
		}
	}

	@Test
	void aServiceDownIsA503WithRetryAfter() throws Exception {
		try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(GatewayApplication.class,
				OwnNettyResources.class)
			.run("--server.port=0", "--management.server.port=0",
					"--chancery.upstreams.search=http://127.0.0.1:" + FreePort.find())) {
			int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/search?q=x")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertProblem(response, 503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		}
	}

	private HttpResponse<String> send(String method, String path, String apiKey, String body) throws Exception {
		// A request the gateway never answers fails this test rather than holding the
		// build.
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (apiKey != null) {
			request.header("X-Api-Key", apiKey);
		}
		request.header("Content-Type", "application/json");
		HttpRequest.BodyPublisher publisher = (body != null && !method.equals("GET") && !method.equals("DELETE"))
				? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody();
		return this.http.send(request.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> sendBearer(String method, String path, String token) throws Exception {
		HttpRequest.BodyPublisher publisher = (!method.equals("GET") && !method.equals("DELETE"))
				? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody();
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method, publisher)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":" + status);
	}

	static String jwt(KeyPair keys, String role, Instant expires) {
		return TestTokens.withRole(keys, "someone", role, expires);
	}

}
