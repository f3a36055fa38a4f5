package io.chancery.search.indexing;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
		try (TopicReader reader = new TopicReader(this.kafka, "search-service-reindex", 2000, TOPICS)) {
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

	private void replay(TopicReader reader, Map<TopicPartition, Long> ends, String state, String target,
			AtomicLong read, AtomicLong skipped) {
		long remaining = reader.remaining(ends);
		while (remaining > 0) {
			List<IncomingRecord> batch = new ArrayList<>();
			for (ConsumerRecord<byte[], byte[]> record : reader.poll()) {
				batch.add(IncomingRecord.from(record));
			}
			this.indexer.write(batch, target, (record, cause) -> skipped.incrementAndGet(), false);
			read.addAndGet(batch.size());
			remaining = reader.remaining(ends);
			this.status.set(this.status.get().progress(state, read.get(), remaining, skipped.get()));
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
