package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.chancery.contracts.Topic;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * More writes at once than a partition's queue holds, or than a replica works on at once:
 * the excess is refused at once with 503 and Retry-After instead of being held, every
 * write is answered within 2 s, and what was accepted is on the topic.
 */
class OverloadIntegrationTests {

	private static final int CALLERS = 64;

	@Test
	void writesBeyondAPartitionsQueueAreRefusedAtOnce() throws Exception {
		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		String run = "ol-" + UUID.randomUUID().toString().substring(0, 8);
		List<String> ids = new ArrayList<>();
		for (int n = 0; ids.size() < CALLERS; n++) {
			// All in partition 0 of articles, so they share one queue.
			if (partition(run + "-" + n + ":en") == 0) {
				ids.add(run + "-" + n);
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
		try (IngestInstances instances = new IngestInstances()) {
			IngestClient client = instances.start(bootstrap, "--chancery.publishing.queue-capacity=4");
			List<Answer> answers = simultaneously(client, ids, pool);

			assertThat(answers).allSatisfy((answer) -> {
				assertThat(answer.response().statusCode()).isIn(200, 503);
				assertThat(answer.took()).isLessThan(Duration.ofSeconds(2));
			});
			List<Answer> refused = answers.stream().filter((answer) -> answer.response().statusCode() == 503).toList();
			assertThat(refused).as("refusals among %d simultaneous writes", CALLERS).isNotEmpty();
			assertThat(refused).allSatisfy((answer) -> {
				assertThat(answer.response().headers().firstValue("Retry-After")).hasValue("1");
				assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(answer.response().body()).contains("Too many changes");
			});
			long accepted = answers.stream().filter((answer) -> answer.response().statusCode() == 200).count();
			assertThat(TopicRecords.read(bootstrap, Topic.ARTICLES, (key) -> key.startsWith(run)))
				.hasSize((int) accepted);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void writesBeyondWhatAReplicaWorksOnAtOnceAreRefusedBeforeTheirBodyIsRead() throws Exception {
		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		String run = "adm-" + UUID.randomUUID().toString().substring(0, 8);
		ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
		try (IngestInstances instances = new IngestInstances()) {
			IngestClient client = instances.start(bootstrap, "--chancery.publishing.concurrent-writes=2");
			List<String> ids = new ArrayList<>();
			for (int n = 0; n < CALLERS; n++) {
				ids.add(run + "-" + n);
			}
			List<Answer> answers = simultaneously(client, ids, pool);

			assertThat(answers).allSatisfy((answer) -> {
				assertThat(answer.response().statusCode()).isIn(200, 503);
				assertThat(answer.took()).isLessThan(Duration.ofSeconds(2));
			});
			List<Answer> refused = answers.stream().filter((answer) -> answer.response().statusCode() == 503).toList();
			assertThat(refused).as("refusals among %d simultaneous writes, 2 at a time", CALLERS).isNotEmpty();
			assertThat(refused).allSatisfy((answer) -> {
				assertThat(answer.response().headers().firstValue("Retry-After")).hasValue("1");
				assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(answer.response().body()).contains("is working on 2 writes already");
			});
			long accepted = answers.stream().filter((answer) -> answer.response().statusCode() == 200).count();
			assertThat(accepted).isPositive();
			assertThat(TopicRecords.read(bootstrap, Topic.ARTICLES, (key) -> key.startsWith(run)))
				.hasSize((int) accepted);
			// The places are given back: one write at a time is always admitted.
			for (int n = 0; n < 5; n++) {
				String id = run + "-after-" + n;
				assertThat(client.asEditor("PUT", "/api/v1/articles/" + id + "/en", Fixtures.article(id, "en", "After"))
					.statusCode()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Writes each article at once from its own thread, and times each answer. */
	private static List<Answer> simultaneously(IngestClient client, List<String> ids, ExecutorService pool) {
		List<CompletableFuture<Answer>> calls = new ArrayList<>();
		for (String id : ids) {
			calls.add(CompletableFuture.supplyAsync(() -> {
				long start = System.nanoTime();
				try {
					HttpResponse<String> response = client.asEditor("PUT", "/api/v1/articles/" + id + "/en",
							Fixtures.article(id, "en", "Overload"));
					return new Answer(response, Duration.ofNanos(System.nanoTime() - start));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, pool));
		}
		return calls.stream().map(CompletableFuture::join).toList();
	}

	private static int partition(String key) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % Topic.ARTICLES.partitions();
	}

	private record Answer(HttpResponse<String> response, Duration took) {
	}

}
