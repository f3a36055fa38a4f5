package io.chancery.ingest;

import java.time.Duration;
import java.util.UUID;

import io.chancery.infrastructure.Infrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Revisions keep rising across a restart and from one replica to another, and an
 * idempotency key still finds its change after a restart: the ledger is rebuilt from the
 * topics.
 */
class RevisionsAcrossRestartsIntegrationTests {

	private final String id = "rs-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void revisionsAndIdempotencyKeysSurviveRestartsAndReachOtherReplicas() throws Exception {
		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		String path = "/api/v1/articles/" + this.id + "/en";
		try (IngestInstances instances = new IngestInstances()) {
			IngestClient first = instances.start(bootstrap);
			assertThat(first
				.asEditor("POST", "/api/v1/articles", Fixtures.article(this.id, "en", "One"), "Idempotency-Key",
						"create-" + this.id)
				.statusCode()).isEqualTo(201);
			assertThat(first.asEditor("PUT", path, Fixtures.article(this.id, "en", "Two"), "If-Match", "1")
				.headers()
				.firstValue("ETag")).contains("\"2\"");
			instances.stop(0);

			IngestClient restarted = instances.start(bootstrap);
			var retried = restarted.asEditor("POST", "/api/v1/articles", Fixtures.article(this.id, "en", "One"),
					"Idempotency-Key", "create-" + this.id);
			assertThat(retried.statusCode()).isEqualTo(201);
			assertThat(retried.body()).contains("\"replayed\":true").contains("\"revision\":1");
			assertThat(restarted.asEditor("PUT", path, Fixtures.article(this.id, "en", "Three"), "If-Match", "1")
				.statusCode()).isEqualTo(409);
			assertThat(restarted.asEditor("PUT", path, Fixtures.article(this.id, "en", "Three"), "If-Match", "2")
				.headers()
				.firstValue("ETag")).contains("\"3\"");

			IngestClient replica = instances.start(bootstrap);
			assertThat(restarted.asEditor("PUT", path, Fixtures.article(this.id, "en", "Four"))
				.headers()
				.firstValue("ETag")).contains("\"4\"");
			// The replica follows the topics, so it soon sees revision 4 as current and
			// builds on it.
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(
						replica.asEditor("PUT", path, Fixtures.article(this.id, "en", "Five"), "If-Match", "4")
							.statusCode())
					.isEqualTo(200));
		}
	}

}
