package io.chancery.search.indexing;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.chancery.contracts.Topic;
import io.chancery.search.elasticsearch.ContentIndex;
import io.chancery.search.elasticsearch.ContentIndices;
import io.chancery.search.web.Conflict;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the content index by replaying the source topics from the start, without
 * downtime and without a write lock.
 *
 * <p>
 * The new index is filled from the topics while the live index keeps serving and the live
 * consumers (in every instance) keep writing to it through the alias. Once the replay has
 * caught up, the alias switches to the new index in one atomic step. Writes the live
 * consumers made to the old index just before the switch are not lost: after the switch
 * the replay carries on up to the topics' ends as they are <em>after</em> the switch, so
 * everything written before it reaches the new index too, and everything written after it
 * is consumed and indexed through the alias into the new index. External versions make
 * both writers agree: whichever arrives second, the newest revision stays.
 */
@Component
class Reindexer {

	private static final Logger logger = LoggerFactory.getLogger(Reindexer.class);

	/** Bulk requests a replay keeps in flight. */
	private static final int IN_FLIGHT = 2;

	private static final List<String> TOPICS = List.of(Topic.ARTICLES.wireName(), Topic.EVENTS.wireName());

	private final ContentIndices indices;

	private final ContentIndexer indexer;

	private final KafkaProperties kafka;

	private final Clock clock;

	private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.IDLE);

	Reindexer(ContentIndices indices, ContentIndexer indexer, KafkaProperties kafka, Clock clock) {
		this.indices = indices;
		this.indexer = indexer;
		this.kafka = kafka;
		this.clock = clock;
	}

	ReindexStatus status() {
		return this.status.get();
	}

	/** Starts a reindex in the background; refused while one runs. */
	ReindexStatus start() throws IOException {
		ReindexStatus started = begin();
		Thread.ofPlatform().name("reindex-" + started.target()).daemon().start(() -> run(started));
		return started;
	}

	/** Reindexes in the calling thread, for the upgrade at start. */
	ReindexStatus runNow() throws IOException {
		return run(begin());
	}

	private synchronized ReindexStatus begin() throws IOException {
		if (this.status.get().running()) {
			throw new Conflict("A reindex into " + this.status.get().target() + " is already running");
		}
		String source = this.indices.live().orElse(null);
		String target = this.indices.createNext();
		ReindexStatus started = new ReindexStatus("copying", source, target, this.clock.instant(), null, 0, 0, 0, null);
		this.status.set(started);
		logger.info("Reindex started: replaying {} into {} (live index {})", TOPICS, target, source);
		return started;
	}

	private ReindexStatus run(ReindexStatus started) {
		String target = started.target();
		AtomicLong read = new AtomicLong();
		AtomicLong skipped = new AtomicLong();
		try (TopicReader reader = new TopicReader(this.kafka, "search-service-reindex", 1000, TOPICS)) {
			this.indices.refreshInterval(target, "-1");
			// Twice: the second pass catches what arrived during the first, so the
			// switch below happens with the new index nearly level with the old.
			replay(reader, reader.ends(), "copying", target, read, skipped);
			replay(reader, reader.ends(), "copying", target, read, skipped);
			this.indices.refreshInterval(target, "1s");
			this.indices.refresh(target);
			swap(started.source(), target);
			replay(reader, reader.ends(), "finishing", target, read, skipped);
			this.indices.refresh(target);
			ReindexStatus done = this.status.get()
				.progress("finishing", read.get(), 0, skipped.get())
				.done(this.clock.instant());
			this.status.set(done);
			logger.info("Reindex into {} done: {} records replayed, {} skipped", target, read.get(), skipped.get());
			return done;
		}
		catch (RuntimeException | IOException ex) {
			logger.error("Reindex into {} failed; the alias still points at the live index", target, ex);
			ReindexStatus failed = this.status.get().failed(this.clock.instant(), ex.toString());
			this.status.set(failed);
			return failed;
		}
	}

	/**
	 * Replays up to {@code ends}. The next poll is read and converted while earlier
	 * batches are written: up to {@link #IN_FLIGHT} bulk requests at a time, so
	 * Elasticsearch is never idle waiting for this service. Their order does not matter:
	 * external versions keep the newest revision whichever arrives last.
	 */
	private void replay(TopicReader reader, Map<TopicPartition, Long> ends, String state, String target,
			AtomicLong read, AtomicLong skipped) {
		Deque<Future<?>> inFlight = new ArrayDeque<>();
		try (ExecutorService writers = Executors.newFixedThreadPool(IN_FLIGHT,
				Thread.ofPlatform().name("reindex-bulk-", 0).daemon().factory())) {
			long remaining = reader.remaining(ends);
			while (remaining > 0) {
				List<IncomingRecord> batch = new ArrayList<>();
				for (ConsumerRecord<byte[], byte[]> record : reader.poll()) {
					batch.add(IncomingRecord.from(record));
				}
				remaining = reader.remaining(ends);
				long left = remaining;
				if (inFlight.size() == IN_FLIGHT) {
					awaitOldest(inFlight);
				}
				inFlight.add(writers.submit(() -> {
					this.indexer.write(batch, target, (record, cause) -> skipped.incrementAndGet(), false);
					long total = read.addAndGet(batch.size());
					this.status.updateAndGet((current) -> current.progress(state, total, left, skipped.get()));
				}));
			}
			while (!inFlight.isEmpty()) {
				awaitOldest(inFlight);
			}
		}
	}

	private static void awaitOldest(Deque<Future<?>> inFlight) {
		try {
			inFlight.removeFirst().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			inFlight.forEach((future) -> future.cancel(true));
			throw new IllegalStateException("Interrupted while replaying", ex);
		}
		catch (ExecutionException ex) {
			inFlight.forEach((future) -> future.cancel(true));
			throw new IllegalStateException("A bulk request of the replay failed", ex.getCause());
		}
	}

	private void swap(@Nullable String source, String target) throws IOException {
		if (source != null) {
			this.indices.swap(source, target);
		}
		else {
			this.indices.attach(target);
		}
		logger.info("Alias {} now points at {} (was {})", ContentIndex.ALIAS, target, source);
	}

}
