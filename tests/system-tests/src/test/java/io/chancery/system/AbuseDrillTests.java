package io.chancery.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.chancery.localrun.LocalPlatform;
import io.chancery.localrun.Settings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Abuse drills through the gateway: hundreds of generated hostile or malformed requests
 * across every write and query route must each get a 4xx problem, never a 5xx; the
 * platform stays healthy and keeps answering correctly; every write and admin route
 * refuses anonymous, expired, wrongly signed and wrong-role credentials; secrets never
 * reach the logs; pages carry the Content Security Policy.
 */
@Order(4)
class AbuseDrillTests {

	private static final String[] WRITES = { "POST /api/v1/articles", "PUT /api/v1/articles/drill/en",
			"POST /api/v1/events", "PUT /api/v1/events/drill/en", "PUT /api/v1/site/en", "POST /api/v1/import" };

	private static final String[] READS = { "/api/v1/search", "/api/v1/search/export", "/api/v1/articles",
			"/api/v1/events", "/api/v1/archive", "/api/v1/archive/months", "/api/v1/home", "/api/v1/counters",
			"/api/v1/clocks", "/feeds/events.atom" };

	private static LocalPlatform platform;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@BeforeAll
	static void stack() {
		platform = Stack.get();
	}

	@Test
	void hostileRequestsGetTheProblemTheyExpectNeverA5xx() throws Exception {
		List<Probe> probes = new ArrayList<>();
		for (String route : WRITES) {
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1);
			boolean imports = path.equals("/api/v1/import");
			String type = imports ? "application/x-ndjson" : "application/json";
			for (Map.Entry<String, String> body : hostileBodies().entrySet()) {
				int expected = imports ? expectedOfImport(body.getKey()) : expectedOfWrite(body.getKey(), path);
				probes.add(new Probe(body.getKey() + " → " + route, method, path, type, body.getValue(), Map.of(), true,
						expected));
				// Anonymous, the same request is refused before it is read.
				probes.add(new Probe("anonymous " + body.getKey() + " → " + route, method, path, type, body.getValue(),
						Map.of(), false, 401));
			}
			probes
				.add(new Probe("wrong content type → " + route, method, path, "text/plain", "{}", Map.of(), true, 415));
			probes.add(new Probe("xml → " + route, method, path, "application/xml", "<article/>", Map.of(), true, 415));
			probes.add(new Probe("stale If-Match → " + route, method, path, type, validArticle(),
					Map.of("If-Match", "\"not-a-revision\""), true, staleIfMatch(method, path)));
			probes.add(new Probe("huge Idempotency-Key → " + route, method, path, type, validArticle(),
					Map.of("Idempotency-Key", "k".repeat(5000)), true, imports ? 422 : 400));
		}
		for (String path : READS) {
			for (String query : hostileQueries()) {
				int expected = expectedOfRead(query, path);
				probes.add(new Probe("query " + abbreviate(query) + " → " + path, "GET", path + "?" + query, null, null,
						Map.of(), false, expected));
				probes.add(new Probe("editor's query " + abbreviate(query) + " → " + path, "GET", path + "?" + query,
						null, null, Map.of(), true, expected));
			}
		}
		for (Map.Entry<String, Integer> path : hostilePaths().entrySet()) {
			probes.add(new Probe("path " + abbreviate(path.getKey()), "GET", path.getKey(), null, null, Map.of(), false,
					path.getValue()));
			probes.add(new Probe("editor's path " + abbreviate(path.getKey()), "GET", path.getKey(), null, null,
					Map.of(), true, path.getKey().startsWith("/api/v1/admin") ? 403 : path.getValue()));
		}
		assertThat(probes).hasSizeGreaterThanOrEqualTo(600);

		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		for (Probe probe : probes) {
			HttpResponse<String> response = send(probe);
			statuses.merge(response.statusCode(), 1, Integer::sum);
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (response.statusCode() != probe.expected()
					|| (probe.expected() >= 400 && !type.startsWith("application/problem+json"))) {
				failures.add(probe.name() + ": expected " + probe.expected() + ", was " + response.statusCode() + " "
						+ type + " " + abbreviate(response.body()));
			}
		}
		System.out.printf("[drill] %d hostile requests, statuses %s%n", probes.size(), statuses);
		assertThat(failures).as("requests not answered with the problem they expect").isEmpty();
		assertThat(statuses.keySet()).noneMatch((status) -> status >= 500 || status == 429);

		// Still healthy, still right.
		for (String path : List.of("/readyz", "/api/v1/home?locale=en", "/api/v1/search?q=embassy")) {
			assertThat(send(new Probe("after", "GET", path, null, null, Map.of(), false, 200)).statusCode()).as(path)
				.isEqualTo(200);
		}
		assertThat(send(new Probe("after", "GET", "/api/v1/articles/drill?locale=en", null, null, Map.of(), false, 404))
			.statusCode()).as("nothing hostile was published").isEqualTo(404);
	}

	@Test
	void everyWriteAndAdminRouteRefusesWhoMayNot() throws Exception {
		List<String> routes = new ArrayList<>(List.of(WRITES));
		routes.addAll(List.of("DELETE /api/v1/articles/drill/en", "DELETE /api/v1/events/drill/en",
				"GET /api/v1/imports/drill", "POST /api/v1/admin/reindex", "GET /api/v1/admin/reindex",
				"GET /api/v1/admin/dead-letters", "POST /api/v1/admin/dead-letters/replay",
				"GET /api/v1/admin/counters/dead-letters", "POST /api/v1/admin/counters/dead-letters/replay",
				"GET /api/v1/admin/export", "GET /api/v1/editorial/articles/drill/en/revisions",
				"GET /api/v1/editorial/articles/drill/en/diff", "POST /api/v1/articles/drill/en/revisions/1/restore",
				"GET /api/v1/editorial/audit", "GET /api/v1/editorial/audit.csv"));
		List<String> failures = new ArrayList<>();
		for (String route : routes) {
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1);
			boolean admin = path.startsWith("/api/v1/admin") || path.startsWith("/api/v1/editorial/audit");
			Map<String, Map<String, String>> credentials = new LinkedHashMap<>();
			credentials.put("anonymous", Map.of());
			credentials.put("unknown key", Map.of("X-Api-Key", "not-a-key"));
			credentials.put("expired token", Map.of("Authorization", "Bearer " + Tokens.expired("admin")));
			credentials.put("wrongly signed token", Map.of("Authorization", "Bearer " + Tokens.wronglySigned("admin")));
			credentials.put("malformed token", Map.of("Authorization", "Bearer abc.def"));
			credentials.put("reader token", Map.of("Authorization", "Bearer " + Tokens.valid("reader")));
			if (admin) {
				credentials.put("editor key", Map.of("X-Api-Key", platform.editorKey()));
				credentials.put("editor token", Map.of("Authorization", "Bearer " + Tokens.valid("editor")));
			}
			for (Map.Entry<String, Map<String, String>> credential : credentials.entrySet()) {
				int expected = credential.getKey().contains("reader") || credential.getKey().startsWith("editor") ? 403
						: 401;
				HttpResponse<String> response = send(new Probe(credential.getKey(), method, path, "application/json",
						method.equals("GET") || method.equals("DELETE") ? null : validArticle(), credential.getValue(),
						false, expected));
				if (response.statusCode() != expected || !response.headers()
					.firstValue("Content-Type")
					.orElse("")
					.startsWith("application/problem+json")) {
					failures.add(route + " with " + credential.getKey() + ": " + response.statusCode());
				}
			}
		}
		assertThat(failures).isEmpty();
		// A valid editor token writes.
		HttpResponse<String> written = send(new Probe("editor token", "PUT", "/api/v1/articles/drill-ok/en",
				"application/json", validArticle().replace("\"drill\"", "\"drill-ok\""),
				Map.of("Authorization", "Bearer " + Tokens.valid("editor")), false, 200));
		assertThat(written.statusCode()).as(written.body()).isIn(200, 201);
	}

	@Test
	void theHolesFoundFromOutsideStayClosed() throws Exception {
		Settings.Ports ports = platform.settings().ports();
		String word = "hole" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		List<String> failures = new ArrayList<>();

		// Each service defends its own routes: search-service's and counter-service's
		// admin
		// routes on their own ports, whatever the gateway does.
		Map<String, Integer> adminRoutes = new LinkedHashMap<>();
		for (String route : List.of("GET /api/v1/admin/reindex", "POST /api/v1/admin/reindex",
				"GET /api/v1/admin/dead-letters", "POST /api/v1/admin/dead-letters/replay?from=0")) {
			adminRoutes.put(route, ports.search());
		}
		for (String route : List.of("GET /api/v1/admin/counters/dead-letters",
				"POST /api/v1/admin/counters/dead-letters/replay?from=0")) {
			adminRoutes.put(route, ports.api("counter-service"));
		}
		adminRoutes.put("GET /api/v1/admin/export", ports.api("ingest-service"));
		adminRoutes.put("GET /api/v1/editorial/audit", ports.search());
		adminRoutes.put("GET /api/v1/editorial/audit.csv", ports.search());
		for (Map.Entry<String, Integer> admin : adminRoutes.entrySet()) {
			String route = admin.getKey();
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1);
			expect(failures, direct(admin.getValue(), method, path, Map.of()), 401, "anonymous " + route);
			expect(failures, direct(admin.getValue(), method, path, Map.of("X-Api-Key", platform.editorKey())), 403,
					"editor " + route);
		}
		// The editorial record is for editors, on search-service's own port too.
		expect(failures, direct(ports.search(), "GET", "/api/v1/editorial/articles/drill/en/revisions", Map.of()), 401,
				"anonymous editorial record");
		// Actuator answers on the management ports only.
		for (String service : List.of("ingest-service", "search-service", "counter-service")) {
			for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
				expect(failures, direct(ports.api(service), "GET", path, Map.of()), 404, service + " API port " + path);
			}
			// Not served anywhere; where a security chain stands, refused before it is
			// looked up.
			expect(failures, direct(ports.api(service), "GET", "/actuator/env", Map.of()),
					service.equals("ingest-service") ? 401 : 404, service + " API port /actuator/env");
			expect(failures, direct(ports.management(service), "GET", "/actuator/health/readiness", Map.of()), 200,
					service + " management port");
		}

		// Embargo: a scheduled event and its counter are shown to nobody before their
		// time, whatever instant is asked for.
		String event = "{\"id\":\"" + word + "\",\"locale\":\"en\",\"date\":\"2020-01-01\","
				+ "\"timeZone\":\"Europe/London\",\"title\":\"Embargoed " + word + "\",\"publishAt\":\""
				+ java.time.Instant.now().plus(java.time.Duration.ofDays(1)) + "\",\"counter\":{\"caption\":\"days of "
				+ word + "\",\"timeZone\":\"Europe/London\",\"direction\":\"since\"}}";
		expect(failures, send(
				new Probe("scheduled event", "POST", "/api/v1/events", "application/json", event, Map.of(), true, 201)),
				201, "scheduled event");
		for (String path : List.of("/api/v1/counters?locale=en&at=2199-01-01T00:00:00Z",
				"/api/v1/home?locale=en&at=2199-01-01T00:00:00Z", "/api/v1/search?q=" + word, "/api/v1/events?size=100",
				"/feeds/events.atom?locale=en")) {
			HttpResponse<String> response = send(new Probe("embargo", "GET", path, null, null, Map.of(), false, 200));
			expect(failures, response, 200, "embargo " + path);
			if (response.body().contains(word)) {
				failures.add("embargo " + path + " shows the scheduled event");
			}
		}
		for (String path : List.of("/api/v1/events/" + word + "?locale=en",
				"/api/v1/events/" + word + "/related?locale=en",
				"/api/v1/counters/" + word + "?locale=en&at=2199-01-01T00:00:00Z")) {
			expect(failures, send(new Probe("embargo", "GET", path, null, null, Map.of(), false, 404)), 404,
					"embargo " + path);
		}

		// A gone item stays gone: a note is refused and the public read stays 410.
		String article = validArticle().replace("\"drill\"", "\"" + word + "\"");
		expect(failures, send(new Probe("create", "PUT", "/api/v1/articles/" + word + "/en", "application/json",
				article, Map.of(), true, 200)), 200, "create");
		expect(failures, send(
				new Probe("withdraw", "DELETE", "/api/v1/articles/" + word + "/en", null, null, Map.of(), true, 200)),
				200, "withdraw for good");
		expect(failures, send(new Probe("note on gone", "DELETE", "/api/v1/articles/" + word + "/en?note=Back", null,
				null, Map.of(), true, 410)), 410, "note on a gone item");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> send(new Probe("gone", "GET", "/api/v1/articles/" + word + "?locale=en", null, null, Map.of(),
					false, 410))
				.statusCode() == 410);

		// Feeds link to the public site, never to a service's own port.
		HttpResponse<String> feed = send(
				new Probe("feed", "GET", "/feeds/events.atom?locale=en", null, null, Map.of(), false, 200));
		if (feed.body().contains(":" + ports.search() + "/") || !feed.body().contains(platform.gatewayUrl())) {
			failures.add("the feed links to " + abbreviate(feed.body()));
		}
		assertThat(failures).isEmpty();
	}

	private static void expect(List<String> failures, HttpResponse<String> response, int expected, String what) {
		if (response.statusCode() != expected) {
			failures.add(what + ": expected " + expected + ", was " + response.statusCode() + " "
					+ abbreviate(response.body()));
		}
	}

	private HttpResponse<String> direct(int port, String method, String path, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void secretsNeverReachTheLogsAndPagesCarryTheCsp() throws Exception {
		HttpResponse<String> page = send(new Probe("page", "GET", "/", null, null, Map.of(), false, 200));
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'"));
		String token = Tokens.valid("editor");
		send(new Probe("token", "PUT", "/api/v1/articles/drill-log/en", "application/json", "{broken",
				Map.of("Authorization", "Bearer " + token), false, 400));
		Path logs = platform.settings().home().resolve("logs");
		List<String> secrets = List.of(platform.editorKey(), platform.adminKey(), token);
		try (Stream<Path> files = Files.list(logs)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String text = Files.readString(file, StandardCharsets.ISO_8859_1);
				for (String secret : secrets) {
					assertThat(text).as(file.getFileName() + " holds a secret").doesNotContain(secret);
				}
			}
		}
	}

	private HttpResponse<String> send(Probe probe) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + probe.path()))
			.timeout(Duration.ofSeconds(60));
		if (probe.authenticated()) {
			request.header("X-Api-Key", platform.editorKey());
		}
		if (probe.contentType() != null) {
			request.header("Content-Type", probe.contentType());
		}
		probe.headers().forEach(request::header);
		request.method(probe.method(), (probe.body() != null) ? HttpRequest.BodyPublishers.ofString(probe.body())
				: HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, String> hostileBodies() {
		Map<String, String> bodies = new LinkedHashMap<>();
		bodies.put("empty", "");
		bodies.put("open brace", "{");
		bodies.put("truncated", "{\"id\":\"drill\",\"title\":");
		bodies.put("trailing comma", "{\"id\":\"drill\",}");
		bodies.put("array", "[]");
		bodies.put("null", "null");
		bodies.put("string", "\"drill\"");
		bodies.put("number", "42");
		bodies.put("deep nesting", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
		bodies.put("deep arrays", "[".repeat(5000) + "]".repeat(5000));
		bodies.put("wrong types", "{\"id\":5,\"locale\":[],\"kind\":{},\"title\":true,\"tags\":\"x\",\"people\":{}}");
		bodies.put("wrong date types", "{\"id\":\"drill\",\"locale\":\"en\",\"date\":true,\"publishedAt\":12}");
		bodies.put("bad dates", validArticle().replace("2024-05-01T10:00:00+03:00", "2024-02-30T25:61:00+99:00"));
		bodies.put("bad zone", validArticle().replace("Europe/London", "Mars/Olympus_Mons"));
		bodies.put("path zone", validArticle().replace("Europe/London", "../../etc/passwd"));
		bodies.put("unknown field", validArticle().replace("{", "{\"isAdmin\":true,"));
		bodies.put("huge title", validArticle().replace("Drill", "x".repeat(200_000)));
		bodies.put("huge tag array", validArticle().replace("[\"drill\"]",
				"[" + String.join(",", java.util.Collections.nCopies(50_000, "\"t\"")) + "]"));
		bodies.put("control characters", validArticle().replace("Drill", "Dr\\u0000i\\u0007ll\\u001b[31m"));
		bodies.put("lone surrogate", validArticle().replace("Drill", "Dr\\ud800ill"));
		bodies.put("bidi override", validArticle().replace("Drill", "\u202eDrill\u202c")
			.replace("\"kind\":\"speech\"", "\"kind\":\"spe\u200Bech\""));
		bodies.put("script injection", validArticle().replace("\"kind\":\"speech\"", "\"kind\":\"<script>\""));
		bodies.put("javascript url",
				validArticle().replace("\"tags\"", "\"sourceUrl\":\"javascript:alert(1)\",\"tags\""));
		bodies.put("bad locale", validArticle().replace("\"locale\":\"en\"", "\"locale\":\"<img src=x onerror=1>\""));
		bodies.put("invalid utf-8 escape", "{\"id\":\"\\uZZZZ\"}");
		bodies.put("duplicate keys", "{\"id\":\"drill\",\"id\":\"other\"}");
		bodies.put("huge number", "{\"id\":\"drill\",\"revision\":1" + "0".repeat(5000) + "}");
		return bodies;
	}

	private static List<String> hostileQueries() {
		List<String> queries = new ArrayList<>();
		queries.add("q=" + enc("a OR ".repeat(200) + "b"));
		queries.add("q=" + enc("(".repeat(50) + "a" + ")".repeat(50)));
		queries.add("q=" + enc("*abc"));
		queries.add("q=" + enc("/.*/"));
		queries.add("q=" + enc("\"unclosed"));
		queries.add("q=" + enc("x".repeat(10_000)));
		queries.add("page=100000&size=100");
		queries.add("size=1000000");
		queries.add("size=-1");
		queries.add("page=0");
		queries.add("page=abc");
		queries.add("from=2024-02-30");
		queries.add("from=yesterday");
		queries.add("zone=" + enc("Mars/Olympus"));
		queries.add("zone=" + enc("../../etc/passwd"));
		queries.add("at=not-an-instant");
		queries.add("year=99999");
		queries.add("month=13&year=2024");
		queries.add("colour=red");
		queries.add("order=sideways&order=newest");
		queries.add("facets=" + enc("<script>"));
		queries.add("kind=" + enc("x".repeat(500)));
		queries.add("cursor=" + enc("eyJub3QiOiJ2YWxpZCJ9"));
		queries.add("locale=" + enc("<script>alert(1)</script>"));
		return queries;
	}

	/** Hostile paths and what each must be answered with, anonymously. */
	private static Map<String, Integer> hostilePaths() {
		Map<String, Integer> paths = new LinkedHashMap<>();
		paths.put("/api/v1/articles/" + "x".repeat(3000) + "?locale=zz", 400);
		paths.put("/api/v1/nothing", 404);
		paths.put("/api/v1/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 400);
		paths.put("/api/v1/counters/%00", 400);
		paths.put("/api/v1/events/x?locale=" + enc("<b>"), 400);
		paths.put("/feeds/articles/%3Cscript%3E.atom", 400);
		paths.put("/api/v1/articles/drill?locale=en&locale=ru", 400);
		paths.put("/actuator/env", 404);
		paths.put("/actuator/prometheus", 404);
		paths.put("/actuator/health", 404);
		paths.put("/api/v1/admin/reindex", 401);
		paths.put("/api/v1/admin/dead-letters", 401);
		return paths;
	}

	/**
	 * What a write route answers a hostile body with: 400 for what cannot be read as the
	 * route's request (broken JSON, wrong types, unknown fields, characters the platform
	 * refuses), 422 for a request that reads but breaks a rule.
	 */
	private static int expectedOfWrite(String body, String path) {
		boolean articles = path.startsWith("/api/v1/articles");
		if (!articles) {
			// An article's fields are unknown to events and site details.
			return 400;
		}
		return switch (body) {
			case "bad zone", "path zone", "huge title", "huge tag array", "javascript url", "bad locale",
					"script injection" ->
				422;
			default -> 400;
		};
	}

	/**
	 * An {@code If-Match} that names no revision: 412 where there is no revision to match
	 * (an article's create, an import), else 400, as for the article body an event or
	 * site route cannot read.
	 */
	private static int staleIfMatch(String method, String path) {
		return (path.equals("/api/v1/import") || (method.equals("POST") && path.equals("/api/v1/articles"))) ? 412
				: 400;
	}

	/**
	 * An import stores nothing of a hostile body: 400 when empty, else 422 with the
	 * report (an import takes no idempotency key, so a huge one changes nothing).
	 */
	private static int expectedOfImport(String body) {
		return body.equals("empty") ? 400 : 422;
	}

	/**
	 * What a read route answers a hostile query with: 414 for a line too long to read,
	 * else 400 naming the parameter.
	 */
	private static int expectedOfRead(String query, String path) {
		if (query.length() > 8000) {
			return 414;
		}
		return 400;
	}

	private static String validArticle() {
		return "{\"id\":\"drill\",\"locale\":\"en\",\"kind\":\"speech\",\"title\":\"Drill\",\"lead\":\"Lead\","
				+ "\"body\":\"<p>Body</p>\",\"publishedAt\":\"2024-05-01T10:00:00+03:00\",\"timeZone\":\"Europe/London\","
				+ "\"people\":[\"Someone\"],\"tags\":[\"drill\"]}";
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String abbreviate(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

	/**
	 * One hostile request and the status it must be answered with.
	 *
	 * @param authenticated whether it carries the editor's key (so validation, not
	 * authentication, answers it)
	 */
	private record Probe(String name, String method, String path, String contentType, String body,
			Map<String, String> headers, boolean authenticated, int expected) {

	}

}
