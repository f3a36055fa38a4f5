package io.chancery.system;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chancery.contracts.MessageJson;
import io.chancery.demo.DemoCatalog;
import io.chancery.localrun.LocalPlatform;
import io.chancery.localrun.Settings;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backup drill: the platform's content exported through the gateway, imported into a
 * second platform started empty, and the two compared through their public API: every
 * item at the same revision with the same status and note, the same search totals,
 * counters and site details. Figures go to standard output with a {@code [drill]} prefix
 * and into docs/reliability.md.
 */
@Order(6)
class BackupRestoreDrillTests {

	/** An instant both platforms evaluate counters at. */
	private static final String AT = "2026-06-01T12:00:00Z";

	@Test
	void aRestoredPlatformServesWhatTheOriginalServed() throws Exception {
		LocalPlatform original = Stack.get();
		Gateway a = new Gateway(original.gatewayUrl(), original.editorKey(), original.adminKey());
		String run = "bkd-" + UUID.randomUUID().toString().substring(0, 6);

		// The demo catalog, then a history of edits and both kinds of withdrawal.
		ByteArrayOutputStream catalog = new ByteArrayOutputStream();
		DemoCatalog.generate(1, LocalDate.of(2026, 11, 30)).writeTo(catalog);
		assertThat(a.importNdjson(catalog.toByteArray()).statusCode()).isEqualTo(200);
		assertThat(
				a.send("PUT", "/api/v1/articles/" + run + "-edited/en", article(run + "-edited", "First")).statusCode())
			.isIn(200, 201);
		assertThat(a.send("PUT", "/api/v1/articles/" + run + "-edited/en", article(run + "-edited", "Second"))
			.statusCode()).isEqualTo(200);
		assertThat(a.send("DELETE", "/api/v1/articles/" + run + "-edited/en?note=Superseded%20by%20a%20statement", null)
			.statusCode()).isEqualTo(200);
		assertThat(a.send("PUT", "/api/v1/articles/" + run + "-gone/en", article(run + "-gone", "Gone")).statusCode())
			.isIn(200, 201);
		assertThat(a.send("DELETE", "/api/v1/articles/" + run + "-gone/en", null).statusCode()).isEqualTo(200);

		long started = System.nanoTime();
		HttpResponse<String> export = a.admin("GET", "/api/v1/admin/export");
		long exportMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(export.statusCode()).isEqualTo(200);
		List<String> lines = export.body().lines().filter((line) -> !line.isBlank()).toList();
		Map<String, JsonNode> latest = new LinkedHashMap<>();
		for (String line : lines) {
			JsonNode record = MessageJson.mapper().readTree(line);
			JsonNode message = record.get("message");
			String key = record.get("eventType").asString().startsWith("site")
					? "site:" + message.get("locale").asString() : record.get("eventType").asString().substring(0, 5)
							+ ":" + message.get("id").asString() + ":" + message.get("locale").asString();
			latest.put(key, record);
		}
		assertThat(latest).containsKeys("artic:" + run + "-edited:en", "artic:" + run + "-gone:en");

		Path home = Path.of(System.getProperty("java.io.tmpdir"), "chancery-restored-" + UUID.randomUUID());
		Settings settings = Settings
			.onFreePorts(Stack.project(), Stack.version(), home, (line) -> System.out.println("[restored] " + line))
			.withEnvironment(Stack.environment());
		try (LocalPlatform restored = LocalPlatform.start(settings)) {
			Gateway b = new Gateway(restored.gatewayUrl(), restored.editorKey(), restored.adminKey());
			started = System.nanoTime();
			HttpResponse<String> imported = b.restore(export.body().getBytes(StandardCharsets.UTF_8));
			long importMillis = (System.nanoTime() - started) / 1_000_000;
			assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
			JsonNode report = MessageJson.mapper().readTree(imported.body());
			assertThat(report.get("accepted").asLong()).isEqualTo(lines.size());
			assertThat(report.get("rejected").asLong()).isZero();

			long total = a.get("/api/v1/search?size=1").get("total").asLong();
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(b.get("/api/v1/search?size=1").get("total").asLong()).isEqualTo(total));
			long searchableMillis = (System.nanoTime() - started) / 1_000_000;

			List<String> differences = new ArrayList<>();
			int compared = 0;
			for (Map.Entry<String, JsonNode> item : latest.entrySet()) {
				JsonNode message = item.getValue().get("message");
				String path = item.getKey().startsWith("site:")
						? "/api/v1/site?locale=" + message.get("locale").asString()
						: "/api/v1/" + (item.getKey().startsWith("artic") ? "articles" : "events") + "/"
								+ message.get("id").asString() + "?locale=" + message.get("locale").asString();
				HttpResponse<String> there = a.raw(path);
				HttpResponse<String> here = b.raw(path);
				compared++;
				if (there.statusCode() != here.statusCode()) {
					differences.add(path + ": " + there.statusCode() + " against " + here.statusCode());
				}
				else if (there.statusCode() == 200 && !same(there.body(), here.body())) {
					differences.add(path + ": " + there.body() + " against " + here.body());
				}
			}
			assertThat(differences).isEmpty();
			for (String locale : List.of("en", "ru")) {
				String counters = "/api/v1/counters?locale=" + locale + "&at=" + AT;
				assertThat(b.get(counters)).as(counters).isEqualTo(a.get(counters));
			}
			JsonNode edited = b.get("/api/v1/articles/" + run + "-edited?locale=en");
			assertThat(edited.get("revision").asLong()).isEqualTo(3);
			assertThat(b.raw("/api/v1/articles/" + run + "-gone?locale=en").statusCode()).isEqualTo(410);
			System.out.printf(
					"[drill] backup and restore: %,d records exported in %,d ms (%,d bytes); imported into "
							+ "an empty platform in %,d ms, all searchable %,d ms after the import began; %,d items, "
							+ "site details and counters identical%n",
					lines.size(), exportMillis, export.body().length(), importMillis, searchableMillis, compared);
		}
		finally {
			Stack.deleteRecursively(home);
		}
	}

	/** The same answer, apart from what says when it was served. */
	private static boolean same(String there, String here) {
		JsonNode left = MessageJson.mapper().readTree(there);
		JsonNode right = MessageJson.mapper().readTree(here);
		return left.equals(right);
	}

	private static String article(String id, String title) {
		return """
				{"id":"%s","locale":"en","kind":"statement","title":"%s","body":"<p>Text.</p>",
				 "publishedAt":"2026-03-01T10:00:00+01:00","timeZone":"Europe/Brussels","tags":["drill"]}"""
			.formatted(id, title);
	}

}
