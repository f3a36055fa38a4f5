package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.Infrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A large import and an editor's single changes share the partitions' writers without
 * holding each other up: each partition's writer commits the single changes waiting for
 * it before each of the import's transactions there, and the import goes on between them.
 */
@IngestIntegrationTest
class ImportBesideSingleWritesIntegrationTests {

	private static final int LINES = 5_000;

	/** Editors' pace: a change every 20 ms, whatever the answers take. */
	private static final long SINGLE_WRITE_EVERY_MILLIS = 20;

	@Autowired
	private IngestClient client;

	@Test
	void singleChangesAreAnsweredPromptlyDuringALargeImportAndTheImportGoesOn() throws Exception {
		String run = "mix-" + UUID.randomUUID().toString().substring(0, 6);
		long alone = importLines(run + "-alone");

		Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
		List<Long> millis = new CopyOnWriteArrayList<>();
		AtomicInteger sent = new AtomicInteger();
		AtomicInteger unanswered = new AtomicInteger();
		ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
		pace.scheduleAtFixedRate(() -> Thread.ofVirtual().start(() -> {
			String id = run + "-single-" + sent.getAndIncrement();
			unanswered.incrementAndGet();
			long start = System.nanoTime();
			int status;
			try {
				status = this.client
					.send("POST", "/api/v1/articles", "application/json", Fixtures.article(id, "en", "Single " + id),
							"X-Api-Key", IngestClient.EDITOR_KEY)
					.statusCode();
			}
			catch (Exception ex) {
				status = -1;
			}
			millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
			answers.computeIfAbsent(status, (code) -> new AtomicInteger()).incrementAndGet();
			unanswered.decrementAndGet();
		}), 0, SINGLE_WRITE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
		long beside;
		try {
			beside = importLines(run + "-beside");
		}
		finally {
			pace.shutdown();
			pace.awaitTermination(5, TimeUnit.SECONDS);
		}
		await().atMost(java.time.Duration.ofSeconds(10)).until(() -> unanswered.get() == 0);

		List<Long> sorted = millis.stream().sorted().toList();
		long p50 = sorted.get(sorted.size() / 2);
		long p99 = sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100));
		long slowest = sorted.get(sorted.size() - 1);
		System.out.printf(
				"An import of %d lines took %d ms alone and %d ms beside %d single changes (one every %d ms): "
						+ "answers %s, p50 %d ms, p99 %d ms, slowest %d ms%n",
				LINES, alone, beside, sent.get(), SINGLE_WRITE_EVERY_MILLIS, answers, p50, p99, slowest);
		assertThat(sent.get()).as("single changes sent during the import").isGreaterThanOrEqualTo(10);
		assertThat(answers).as("every single change stored").containsOnlyKeys(201);
		assertThat(slowest).as("the slowest single change's answer, in ms").isLessThanOrEqualTo(2_000);
		assertThat(TopicRecords.read(Infrastructure.shared().kafkaBootstrapServers(), Topic.ARTICLES,
				(key) -> key.startsWith(run + "-single-")))
			.hasSize(sent.get());
		// The import beside the single changes shares the machine with them; it is held
		// up only if it waits for them, and then it takes far longer than alone.
		assertThat(beside).as("the import beside single changes, in ms (alone: %d ms)", alone)
			.isLessThanOrEqualTo(3 * alone + 2_000);
	}

	/** Imports {@link #LINES} articles and returns how long the import took, in ms. */
	private long importLines(String prefix) throws Exception {
		StringBuilder ndjson = new StringBuilder();
		for (int line = 1; line <= LINES; line++) {
			ndjson
				.append(Fixtures.article(prefix + "-" + line, (line % 2 == 0) ? "en" : "ru", "Item " + line)
					.replace("\n", "")
					.replace("{\"id\"", "{\"type\":\"article\",\"id\""))
				.append('\n');
		}
		long started = System.nanoTime();
		HttpResponse<String> response = this.client.send("POST", "/api/v1/import", "application/x-ndjson",
				ndjson.toString(), "X-Api-Key", IngestClient.EDITOR_KEY, "Import-Id", prefix);
		long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode report = MessageJson.mapper().readTree(response.body());
		assertThat(report.get("state").asString()).isEqualTo("completed");
		assertThat(report.get("accepted").asLong()).isEqualTo(LINES);
		return took;
	}

}
