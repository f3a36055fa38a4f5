package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.chancery.contracts.Topic;
import io.chancery.infrastructure.LocalKafka;
import io.chancery.infrastructure.TopicProvisioner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With its broker stopped the service answers 503 with Retry-After, never a false
 * success; when the broker is back, writes succeed again, and the topic holds exactly the
 * writes that were answered 2xx.
 */
class KafkaOutageIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void stoppedBrokerMeans503AndNoFalseSuccess() throws Exception {
		String run = "out-" + UUID.randomUUID().toString().substring(0, 6);
		LocalKafka kafka = LocalKafka.start(this.directory, 0, "256m");
		String bootstrap = kafka.bootstrapServers();
		int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
		TopicProvisioner.provision(bootstrap);
		List<String> succeeded = new ArrayList<>();
		try (IngestInstances instances = new IngestInstances()) {
			IngestClient client = instances.start(bootstrap);
			assertThat(client.asEditor("POST", "/api/v1/articles", Fixtures.article(run + "-before", "en", "Before"))
				.statusCode()).isEqualTo(201);
			succeeded.add(run + "-before:en");

			kafka.close();
			for (int i = 0; i < 3; i++) {
				HttpResponse<String> during = client.asEditor("POST", "/api/v1/articles",
						Fixtures.article(run + "-during" + i, "en", "During"));
				assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
				assertThat(during.headers().firstValue("Retry-After")).isPresent();
				assertThat(during.headers().firstValue("Content-Type")).contains("application/problem+json");
			}
			// A withdrawal with a note reads the stored version back first: without Kafka
			// that is a prompt 503 too, never "nothing to withdraw" (a 404) or an answer
			// after the gateway gave up (found by the storm drill: a 504).
			long asked = System.nanoTime();
			HttpResponse<String> note = client.asEditor("DELETE",
					"/api/v1/articles/" + run + "-before/en?note=Superseded", null);
			assertThat(note.statusCode()).as(note.body()).isEqualTo(503);
			assertThat(note.headers().firstValue("Retry-After")).isPresent();
			assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(3));

			LocalKafka restarted = LocalKafka.start(this.directory, port, "256m");
			try {
				await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
					HttpResponse<String> after = client.asEditor("PUT", "/api/v1/articles/" + run + "-after/en",
							Fixtures.article(run + "-after", "en", "After"));
					assertThat(after.statusCode()).isEqualTo(200);
				});
				succeeded.add(run + "-after:en");
				// Committed, and visible to read_committed readers once any transaction
				// the
				// outage left open has been aborted by the coordinator
				// (transaction.timeout.ms).
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.untilAsserted(() -> assertThat(TopicRecords
						.read(restarted.bootstrapServers(), Topic.ARTICLES, (key) -> key.startsWith(run))
						.stream()
						.map((record) -> record.key())
						.distinct()).containsExactlyInAnyOrderElementsOf(succeeded));
			}
			finally {
				instances.close();
				restarted.close();
			}
		}
	}

}
