package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.chancery.contracts.Article;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas writing the same item at the same time: every acknowledged change is on
 * the topic, and revisions rise strictly in the order the topic holds them; of two
 * changes conditioned on the same revision, exactly one wins.
 */
class ConcurrentReplicasIntegrationTests {

	@Test
	void revisionsRiseStrictlyWhateverReplicaWrites() throws Exception {
		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		String id = "cr-" + UUID.randomUUID().toString().substring(0, 8);
		String path = "/api/v1/articles/" + id + "/en";
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try (IngestInstances instances = new IngestInstances()) {
			List<IngestClient> replicas = List.of(instances.start(bootstrap), instances.start(bootstrap));
			List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
			List<CompletableFuture<Void>> writers = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				IngestClient replica = replicas.get(w % 2);
				int writerNumber = w;
				writers.add(CompletableFuture.runAsync(() -> {
					for (int i = 0; i < 15; i++) {
						try {
							HttpResponse<String> response = replica.asEditor("PUT", path,
									Fixtures.article(id, "en", "Writer " + writerNumber + " change " + i));
							if (response.statusCode() == 200) {
								acknowledged.add(Long
									.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", "")));
							}
							else {
								assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
							}
						}
						catch (Exception ex) {
							throw new IllegalStateException(ex);
						}
					}
				}, pool));
			}
			CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

			List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(bootstrap, Topic.ARTICLES,
					(key) -> key.equals(id + ":en"));
			List<Long> onTopic = records.stream()
				.map((record) -> MessageJson.mapper().readValue(record.value(), Article.class).revision())
				.toList();
			String evidence = "acknowledged " + acknowledged + ", on the topic "
					+ records.stream()
						.map((record) -> record.partition() + "@" + record.offset() + "="
								+ MessageJson.mapper().readValue(record.value(), Article.class).revision())
						.toList();
			assertThat(acknowledged).as(evidence).hasSizeGreaterThan(40).doesNotHaveDuplicates();
			assertThat(onTopic).isSorted().doesNotHaveDuplicates().containsAll(acknowledged);

			// Both replicas try to build on the same current revision: one wins, one is
			// told it is stale.
			long current = onTopic.getLast();
			List<CompletableFuture<Integer>> race = replicas.stream()
				.map((replica) -> CompletableFuture.supplyAsync(() -> {
					try {
						return replica
							.asEditor("PUT", path, Fixtures.article(id, "en", "Race"), "If-Match",
									"\"" + current + "\"")
							.statusCode();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}, pool))
				.toList();
			assertThat(race.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
