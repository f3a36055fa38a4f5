package io.chancery.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.chancery.contracts.MessageJson;
import io.chancery.demo.DemoCatalog;
import io.chancery.localrun.LocalPlatform;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo catalog, imported through the gateway's public NDJSON import on the fresh
 * platform: every line accepted, and then exactly as many articles and events per locale
 * searchable as the catalog holds.
 */
@Order(1)
class DemoCatalogTests {

	@Test
	void theDemoCatalogImportsCompletelyAndTheCountsMatch() throws IOException {
		LocalPlatform platform = Stack.get();
		Gateway gateway = new Gateway(platform.gatewayUrl(), platform.editorKey(), platform.adminKey());
		DemoCatalog catalog = DemoCatalog.generate(1, LocalDate.of(2026, 11, 30));
		Map<String, Long> expected = new HashMap<>();
		for (String line : catalog.lines().toList()) {
			JsonNode item = MessageJson.mapper().readTree(line);
			String type = item.get("type").asString();
			if (type.equals("article") || type.equals("event")) {
				boolean hidden = item.has("withdrawal") || (item.has("publishAt") && !item.get("publishAt").isNull());
				if (!hidden) {
					expected.merge(type + ":" + item.get("locale").asString(), 1L, Long::sum);
				}
			}
		}
		ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
		long lines = catalog.writeTo(ndjson);

		long started = System.nanoTime();
		HttpResponse<String> response = gateway.importNdjson(ndjson.toByteArray());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode report = MessageJson.mapper().readTree(response.body());
		System.out.printf("[system] demo import of %d lines: %d ms%n", lines,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
		assertThat(report.get("lines").asLong()).isEqualTo(lines);
		assertThat(report.get("accepted").asLong()).isEqualTo(lines);
		assertThat(report.get("rejected").asLong()).isZero();
		assertThat(expected.values().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(2000);

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			for (String type : List.of("article", "event")) {
				for (String locale : List.of("en", "ru")) {
					long total = gateway.get("/api/v1/search?type=" + type + "&locale=" + locale + "&size=1")
						.get("total")
						.asLong();
					assertThat(total).as(type + " in " + locale)
						.isEqualTo(expected.getOrDefault(type + ":" + locale, 0L));
				}
			}
		});
		// The services' first answers come from cold JVMs; the page is whole once they
		// are warm.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode home = gateway.get("/api/v1/home?locale=ru");
			assertThat(home.get("unavailable")).isEmpty();
			assertThat(home.get("clocks")).hasSize(2);
			assertThat(home.get("latestEvents")).isNotEmpty();
			assertThat(home.get("featured").get("body").asString()).isNotBlank();
			assertThat(home.get("counters")).isNotEmpty();
		});
	}

}
