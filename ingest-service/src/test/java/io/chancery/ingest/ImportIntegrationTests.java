package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.Infrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An NDJSON import reports exactly its bad lines and puts exactly its good ones on the
 * topics.
 */
@IngestIntegrationTest
class ImportIntegrationTests {

	@Autowired
	private IngestClient client;

	@Test
	void tenThousandLinesWithSomeBadOnes() throws Exception {
		String run = "imp-" + UUID.randomUUID().toString().substring(0, 6);
		StringBuilder ndjson = new StringBuilder();
		Set<Long> badLines = new HashSet<>();
		int articles = 0;
		int events = 0;
		for (int line = 1; line <= 10_000; line++) {
			if (line % 997 == 0) {
				ndjson.append("{\"type\":\"article\",\"id\":\"").append(run).append("-bad\",").append('\n');
				badLines.add((long) line);
			}
			else if (line % 1499 == 0) {
				ndjson
					.append(Fixtures.article(run + "-x" + line, "de", "Wrong locale")
						.replace("\n", "")
						.replace("{\"id\"", "{\"type\":\"article\",\"id\""))
					.append('\n');
				badLines.add((long) line);
			}
			else if (line % 10 == 0) {
				ndjson
					.append(Fixtures.event(run + "-e" + line, "en")
						.replace("\n", "")
						.replace("{\"id\"", "{\"type\":\"event\",\"id\""))
					.append('\n');
				events++;
			}
			else {
				ndjson
					.append(Fixtures.article(run + "-a" + line, (line % 2 == 0) ? "en" : "ru", "Item " + line)
						.replace("\n", "")
						.replace("{\"id\"", "{\"type\":\"article\",\"id\""))
					.append('\n');
				articles++;
			}
		}
		long started = System.nanoTime();
		HttpResponse<String> response = this.client.send("POST", "/api/v1/import", "application/x-ndjson",
				ndjson.toString(), "X-Api-Key", IngestClient.EDITOR_KEY, "Import-Id", run);
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode report = MessageJson.mapper().readTree(response.body());
		assertThat(report.get("state").asString()).isEqualTo("completed");
		assertThat(report.get("lines").asLong()).isEqualTo(10_000);
		assertThat(report.get("accepted").asLong()).isEqualTo(articles + events);
		List<Long> rejected = new ArrayList<>();
		report.get("rejections").forEach((rejection) -> rejected.add(rejection.get("line").asLong()));
		assertThat(rejected).containsExactlyInAnyOrderElementsOf(badLines);
		assertThat(report.get("rejections").toString()).contains("locale must be one of");

		HttpResponse<String> progress = this.client.send("GET", "/api/v1/imports/" + run, null, null, "X-Api-Key",
				IngestClient.EDITOR_KEY);
		assertThat(progress.body()).contains("\"state\":\"completed\"");

		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		assertThat(TopicRecords.read(bootstrap, Topic.ARTICLES, (key) -> key.startsWith(run + "-"))).hasSize(articles);
		assertThat(TopicRecords.read(bootstrap, Topic.EVENTS, (key) -> key.startsWith(run + "-"))).hasSize(events);
		System.out.printf("Imported %d lines in %d ms (%.0f lines/s)%n", 10_000, millis, 10_000 * 1000.0 / millis);
	}

}
