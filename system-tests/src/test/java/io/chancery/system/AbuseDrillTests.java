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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
	void hostileRequestsGetProblemsNeverA5xx() throws Exception {
		List<Probe> probes = new ArrayList<>();
		for (String route : WRITES) {
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1);
			String type = path.equals("/api/v1/import") ? "application/x-ndjson" : "application/json";
			for (Map.Entry<String, String> body : hostileBodies().entrySet()) {
				probes.add(new Probe(body.getKey() + " → " + route, method, path, type, body.getValue(), Map.of()));
			}
			probes.add(new Probe("wrong content type → " + route, method, path, "text/plain", "{}", Map.of()));
			probes.add(new Probe("xml → " + route, method, path, "application/xml", "<article/>", Map.of()));
			probes.add(new Probe("stale If-Match → " + route, method, path, type, validArticle(),
					Map.of("If-Match", "\"not-a-revision\"")));
			probes.add(new Probe("huge Idempotency-Key → " + route, method, path, type, validArticle(),
					Map.of("Idempotency-Key", "k".repeat(5000))));
		}
		for (String path : READS) {
			for (String query : hostileQueries()) {
				probes.add(new Probe("query " + abbreviate(query) + " → " + path, "GET", path + "?" + query, null, null,
						Map.of()));
			}
		}
		for (String path : hostilePaths()) {
			probes.add(new Probe("path " + abbreviate(path), "GET", path, null, null, Map.of()));
		}
		assertThat(probes).hasSizeGreaterThanOrEqualTo(300);

		List<String> failures = new ArrayList<>();
		Map<Integer, Integer> statuses = new java.util.TreeMap<>();
		for (Probe probe : probes) {
			HttpResponse<String> response = send(probe);
			statuses.merge(response.statusCode(), 1, Integer::sum);
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (response.statusCode() < 400 || response.statusCode() >= 500
					|| !type.startsWith("application/problem+json")) {
				failures
					.add(probe.name() + ": " + response.statusCode() + " " + type + " " + abbreviate(response.body()));
			}
		}
		System.out.printf("[drill] %d hostile requests, statuses %s%n", probes.size(), statuses);
		assertThat(failures).as("requests not answered with a 4xx problem").isEmpty();

		// Still healthy, still right.
		for (String path : List.of("/readyz", "/api/v1/home?locale=en", "/api/v1/search?q=embassy")) {
			assertThat(send(new Probe("after", "GET", path, null, null, Map.of())).statusCode()).as(path)
				.isEqualTo(200);
		}
		assertThat(
				send(new Probe("after", "GET", "/api/v1/articles/drill?locale=en", null, null, Map.of())).statusCode())
			.as("nothing hostile was published")
			.isEqualTo(404);
	}

	@Test
	void everyWriteAndAdminRouteRefusesWhoMayNot() throws Exception {
		List<String> routes = new ArrayList<>(List.of(WRITES));
		routes.addAll(List.of("DELETE /api/v1/articles/drill/en", "DELETE /api/v1/events/drill/en",
				"GET /api/v1/imports/drill", "POST /api/v1/admin/reindex", "GET /api/v1/admin/reindex",
				"GET /api/v1/admin/dead-letters", "POST /api/v1/admin/dead-letters/replay"));
		List<String> failures = new ArrayList<>();
		for (String route : routes) {
			String method = route.substring(0, route.indexOf(' '));
			String path = route.substring(route.indexOf(' ') + 1);
			boolean admin = path.startsWith("/api/v1/admin");
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
				HttpResponse<String> response = send(new Probe(credential.getKey(), method, path, "application/json",
						method.equals("GET") || method.equals("DELETE") ? null : validArticle(), credential.getValue(),
						false));
				int expected = credential.getKey().contains("reader") || credential.getKey().startsWith("editor") ? 403
						: 401;
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
				Map.of("Authorization", "Bearer " + Tokens.valid("editor")), false));
		assertThat(written.statusCode()).as(written.body()).isIn(200, 201);
	}

	@Test
	void exportsAreRateLimited() throws Exception {
		int limited = 0;
		for (int i = 0; i < 15; i++) {
			HttpResponse<String> response = send(new Probe("export", "GET", "/api/v1/search/export?q=nothingatall",
					null, null, Map.of("X-Api-Key", platform.adminKey()), false));
			if (response.statusCode() == 429) {
				limited++;
				assertThat(response.headers().firstValue("Retry-After")).isPresent();
			}
		}
		assertThat(limited).isGreaterThanOrEqualTo(5);
	}

	@Test
	void secretsNeverReachTheLogsAndPagesCarryTheCsp() throws Exception {
		HttpResponse<String> page = send(new Probe("page", "GET", "/", null, null, Map.of(), false));
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'"));
		String token = Tokens.valid("editor");
		send(new Probe("token", "PUT", "/api/v1/articles/drill-log/en", "application/json", "{broken",
				Map.of("Authorization", "Bearer " + token), false));
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

	private static List<String> hostilePaths() {
		return List.of("/api/v1/articles/" + "x".repeat(3000) + "?locale=zz", "/api/v1/nothing",
				"/api/v1/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/api/v1/counters/%00",
				"/api/v1/events/x?locale=" + enc("<b>"), "/feeds/articles/%3Cscript%3E.atom",
				"/api/v1/articles/drill?locale=en&locale=ru", "/actuator/env", "/actuator/prometheus",
				"/api/v1/admin/reindex");
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
	 * One hostile request.
	 *
	 * @param authenticated whether it carries the editor's key (so validation, not
	 * authentication, answers it)
	 */
	private record Probe(String name, String method, String path, String contentType, String body,
			Map<String, String> headers, boolean authenticated) {

		Probe(String name, String method, String path, String contentType, String body, Map<String, String> headers) {
			this(name, method, path, contentType, body, headers, true);
		}

	}

}
