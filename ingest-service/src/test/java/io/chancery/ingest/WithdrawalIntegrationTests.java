package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.chancery.contracts.Article;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A withdrawal with a note puts the note on the item's current version, on the real
 * broker: never on an item already withdrawn for good, never on a version older than an
 * edit that landed while the note was being added.
 */
@IngestIntegrationTest
class WithdrawalIntegrationTests {

	@Autowired
	private IngestClient client;

	private final String id = "wd-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void noteOnAnItemWithdrawnForGoodIsGoneAndWritesNothing() throws Exception {
		String path = "/api/v1/articles/" + this.id + "/en";
		assertThat(this.client.asEditor("POST", "/api/v1/articles", Fixtures.article(this.id, "en", "Remarks"))
			.statusCode()).isEqualTo(201);
		assertThat(this.client.asEditor("DELETE", path, null).statusCode()).isEqualTo(200);
		awaitRecords(2);

		HttpResponse<String> note = this.client.asEditor("DELETE", path + "?note=Superseded", null);

		assertThat(note.statusCode()).as(note.body()).isEqualTo(410);
		assertThat(note.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(note.body()).contains("withdrawn for good");
		List<ConsumerRecord<String, byte[]>> records = records(Topic.ARTICLES);
		assertThat(records).extracting((record) -> TopicRecords.header(record, EventType.HEADER))
			.containsExactly("article-published", "article-withdrawn");
	}

	@Test
	void noteWithAStaleIfMatchIsAConflictAndWritesNothing() throws Exception {
		String path = "/api/v1/articles/" + this.id + "/en";
		assertThat(
				this.client.asEditor("POST", "/api/v1/articles", Fixtures.article(this.id, "en", "One")).statusCode())
			.isEqualTo(201);
		assertThat(this.client.asEditor("PUT", path, Fixtures.article(this.id, "en", "Two"), "If-Match", "\"1\"")
			.statusCode()).isEqualTo(200);
		awaitRecords(2);

		HttpResponse<String> stale = this.client.asEditor("DELETE", path + "?note=Superseded", null, "If-Match",
				"\"1\"");

		assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
		assertThat(stale.body()).contains("\"currentRevision\":2");
		assertThat(records(Topic.ARTICLES)).hasSize(2);
	}

	@Test
	void notesRacingEditsAlwaysLandOnTheVersionTheyFollow() throws Exception {
		String path = "/api/v1/articles/" + this.id + "/en";
		assertThat(this.client.asEditor("POST", "/api/v1/articles", Fixtures.article(this.id, "en", "Edit 0"))
			.statusCode()).isEqualTo(201);
		List<Integer> statuses = race(List.of(this.client), path, this.id);

		assertThat(statuses).isSubsetOf(200, 409);
		assertThat(statuses.stream().filter((status) -> status == 200)).hasSizeGreaterThan(20);
		awaitRecords(1 + statuses.stream().filter((status) -> status == 200).count());
		assertNotesFollowTheirVersion(records(Topic.ARTICLES));
	}

	@Test
	void notesRacingEditsThroughTwoReplicasAlwaysLandOnTheVersionTheyFollow() throws Exception {
		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		String path = "/api/v1/articles/" + this.id + "/en";
		try (IngestInstances instances = new IngestInstances()) {
			List<IngestClient> replicas = List.of(instances.start(bootstrap), instances.start(bootstrap));
			assertThat(replicas.get(0)
				.asEditor("POST", "/api/v1/articles", Fixtures.article(this.id, "en", "Edit 0"))
				.statusCode()).isEqualTo(201);
			List<Integer> statuses = race(replicas, path, this.id);

			// Two replicas still fence each other for a partition's writer (503), see
			// ConcurrentReplicasIntegrationTests; what matters here is what was written.
			assertThat(statuses).isSubsetOf(200, 409, 503);
			awaitRecords(1 + statuses.stream().filter((status) -> status == 200).count());
			assertNotesFollowTheirVersion(records(Topic.ARTICLES));
		}
	}

	/**
	 * Two writers edit and two add notes, all without If-Match, each through a replica in
	 * turn.
	 */
	private static List<Integer> race(List<IngestClient> replicas, String path, String id) {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<CompletableFuture<List<Integer>>> writers = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				IngestClient replica = replicas.get(w % replicas.size());
				boolean notes = w >= 2;
				int writer = w;
				writers.add(CompletableFuture.supplyAsync(() -> {
					List<Integer> answered = new ArrayList<>();
					for (int i = 0; i < 12; i++) {
						try {
							HttpResponse<String> response = notes
									? replica.asEditor("DELETE", path + "?note=Note+" + writer + "-" + i, null)
									: replica.asEditor("PUT", path,
											Fixtures.article(id, "en", "Edit " + writer + "-" + i));
							answered.add(response.statusCode());
						}
						catch (Exception ex) {
							throw new IllegalStateException(ex);
						}
					}
					return answered;
				}, pool));
			}
			return writers.stream().flatMap((writer) -> writer.join().stream()).toList();
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Every version on the topic is whole, revisions rise strictly, and each note stands
	 * on the text of the version just before it: a note that overwrote a newer edit would
	 * carry an older title.
	 */
	private static void assertNotesFollowTheirVersion(List<ConsumerRecord<String, byte[]>> records) {
		List<Article> versions = records.stream()
			.map((record) -> MessageJson.mapper().readValue(record.value(), Article.class))
			.toList();
		assertThat(versions).extracting(Article::revision).isSorted().doesNotHaveDuplicates();
		assertThat(versions).allSatisfy((version) -> assertThat(version.title()).startsWith("Edit "));
		assertThat(versions).anySatisfy((version) -> assertThat(version.status()).isEqualTo(ContentStatus.WITHDRAWN));
		for (int i = 1; i < versions.size(); i++) {
			Article version = versions.get(i);
			if (version.status() == ContentStatus.WITHDRAWN) {
				assertThat(version.title()).as("revision %d", version.revision())
					.isEqualTo(versions.get(i - 1).title());
			}
		}
	}

	/**
	 * Waits until the item's topic shows this many records: a commit is acknowledged
	 * before its transaction markers are written, and only then do committed readers see
	 * it.
	 */
	private void awaitRecords(long count) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(records(Topic.ARTICLES)).hasSize((int) count));
	}

	private List<ConsumerRecord<String, byte[]>> records(Topic topic) {
		return TopicRecords.read(Infrastructure.shared().kafkaBootstrapServers(), topic,
				(key) -> key.equals(this.id + ":en"));
	}

}
