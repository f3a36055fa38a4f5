package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.chancery.contracts.Article;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Single writes that arrive together share transactions (group commit), and sharing
 * changes none of what each write means: every acknowledged change is on its topic,
 * changes to one item still get rising revisions in topic order, and one idempotency key
 * still publishes once.
 */
@IngestIntegrationTest
class GroupCommitIntegrationTests {

	private static final int WRITERS = 24;

	@Autowired
	private IngestClient client;

	private ExecutorService pool;

	private final String run = "gc-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void ready() {
		this.pool = Executors.newFixedThreadPool(WRITERS);
	}

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
	}

	@Test
	void concurrentWritesShareTransactionsAndAllLand() throws Exception {
		int writes = 120;
		List<HttpResponse<String>> answers = all(writes, (n) -> this.client.asEditor("POST", "/api/v1/articles",
				Fixtures.article(this.run + "-" + n, "en", "Group " + n)));
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));

		List<ConsumerRecord<String, byte[]>> records = records();
		assertThat(records).hasSize(writes);
		assertThat(records).extracting((record) -> record.key())
			.containsExactlyInAnyOrderElementsOf(
					java.util.stream.IntStream.range(0, writes).mapToObj((n) -> this.run + "-" + n + ":en").toList());
		// Records of one transaction sit at consecutive offsets; each commit adds a
		// marker after them. Fewer runs than records means writes shared commits.
		int transactions = 0;
		Map<Integer, List<ConsumerRecord<String, byte[]>>> byPartition = records.stream()
			.collect(Collectors.groupingBy(ConsumerRecord::partition));
		for (List<ConsumerRecord<String, byte[]>> partition : byPartition.values()) {
			partition.sort(Comparator.comparingLong(ConsumerRecord::offset));
			for (int i = 0; i < partition.size(); i++) {
				if (i == 0 || partition.get(i).offset() != partition.get(i - 1).offset() + 1) {
					transactions++;
				}
			}
		}
		assertThat(transactions).as("transactions for %d concurrent writes", writes).isLessThan(writes / 2);
	}

	@Test
	void concurrentChangesToOneItemKeepRisingRevisions() throws Exception {
		String id = this.run + "-one";
		assertThat(this.client.asEditor("POST", "/api/v1/articles", Fixtures.article(id, "en", "First")).statusCode())
			.isEqualTo(201);
		List<HttpResponse<String>> answers = all(48, (n) -> this.client.asEditor("PUT",
				"/api/v1/articles/" + id + "/en", Fixtures.article(id, "en", "Change " + n)));
		// On a busy machine a change may wait longer for its turn than the production
		// setting allows; it is then refused, nothing stored, which is a promise too.
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).as(answer.body()).isIn(200, 503);
			if (answer.statusCode() == 503) {
				assertThat(answer.body()).contains("Nothing was stored");
			}
		});
		List<Long> acknowledged = answers.stream()
			.filter((answer) -> answer.statusCode() == 200)
			.map((answer) -> Long.parseLong(answer.headers().firstValue("ETag").orElseThrow().replace("\"", "")))
			.toList();
		assertThat(acknowledged).as("changes that got through").hasSizeGreaterThan(answers.size() / 2);
		List<Long> onTopic = records().stream()
			.map((record) -> MessageJson.mapper().readValue(record.value(), Article.class).revision())
			.toList();
		assertThat(acknowledged).doesNotHaveDuplicates()
			.allSatisfy((revision) -> assertThat(revision).isBetween(2L, 1L + acknowledged.size()));
		assertThat(onTopic).hasSize(1 + acknowledged.size())
			.isSorted()
			.doesNotHaveDuplicates()
			.containsAll(acknowledged);

		// Of changes conditioned on the same current revision, exactly one wins even when
		// they arrive together.
		long current = onTopic.getLast();
		List<HttpResponse<String>> race = all(8, (n) -> this.client.asEditor("PUT", "/api/v1/articles/" + id + "/en",
				Fixtures.article(id, "en", "Race " + n), "If-Match", "\"" + current + "\""));
		assertThat(race).extracting(HttpResponse::statusCode)
			.containsOnly(200, 409)
			.filteredOn((status) -> status == 200)
			.hasSize(1);
	}

	@Test
	void oneIdempotencyKeyPublishesOnceWhenRetriesArriveTogether() throws Exception {
		String id = this.run + "-retry";
		List<HttpResponse<String>> answers = all(16, (n) -> this.client.asEditor("POST", "/api/v1/articles",
				Fixtures.article(id, "en", "Once"), "Idempotency-Key", "key-" + id));
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
			assertThat(answer.body()).contains("\"revision\":1");
		});
		assertThat(answers).filteredOn((answer) -> answer.body().contains("\"replayed\":false")).hasSize(1);
		assertThat(records()).hasSize(1);
	}

	private List<HttpResponse<String>> all(int count, Request request) throws Exception {
		List<Future<HttpResponse<String>>> futures = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			int number = n;
			futures.add(this.pool.submit((Callable<HttpResponse<String>>) () -> request.send(number)));
		}
		List<HttpResponse<String>> answers = new ArrayList<>();
		for (Future<HttpResponse<String>> future : futures) {
			answers.add(future.get());
		}
		return answers;
	}

	private List<ConsumerRecord<String, byte[]>> records() {
		return TopicRecords.read(Infrastructure.shared().kafkaBootstrapServers(), Topic.ARTICLES,
				(key) -> key.startsWith(this.run + "-"));
	}

	@FunctionalInterface
	private interface Request {

		HttpResponse<String> send(int number) throws Exception;

	}

}
