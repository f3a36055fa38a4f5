package io.chancery.search.indexing;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.chancery.contracts.Topic;
import io.chancery.search.elasticsearch.ContentIndex;
import io.chancery.search.elasticsearch.ContentIndices;
import io.chancery.search.elasticsearch.ReindexLease;
import io.chancery.search.web.Conflict;
import org.apache.kafka.clients.admin.Admin;
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
 *
 * <p>
 * One instance replays at a time, whichever holds the {@link ReindexLease}; it renews the
 * lease while it works, so another instance takes over if it dies. A record the new
 * mapping refuses goes to the dead-letter topic, as it would from the live consumer.
 * After the switch the index the alias left is kept for a rollback, and any older one is
 * deleted.
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

	/** How long the lease outlives its holder's last renewal. */
	private static final Duration LEASE = Duration.ofSeconds(30);

	private final ReindexLease lease;

	private final DeadLetters deadLetters;

	/** This instance, as the lease names its holder. */
	private final String instance;

	private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.IDLE);

	Reindexer(ContentIndices indices, ContentIndexer indexer, KafkaProperties kafka, Clock clock, ReindexLease lease,
			DeadLetters deadLetters) {
		this.indices = indices;
		this.indexer = indexer;
		this.kafka = kafka;
		this.clock = clock;
		this.lease = lease;
		this.deadLetters = deadLetters;
		this.instance = Objects.requireNonNullElse(System.getenv("HOSTNAME"), "search-service") + "-"
				+ HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
	}

	/**
	 * Why the live index must be rebuilt from the topics before this instance indexes
	 * into it, if it must: it is missing, its mapping is older than this build's, or it
	 * is empty although {@code group} has consumed records (Elasticsearch lost its data;
	 * the group's committed offsets would skip everything before them). Empty with
	 * nothing consumed is a new platform: the consumer reads the topics from their start
	 * anyway.
	 */
	Optional<String> rebuildReason(String group) throws IOException {
		Optional<String> live = this.indices.live();
		if (live.isEmpty()) {
			return Optional.of("no index behind the alias " + ContentIndex.ALIAS);
		}
		int version = this.indices.mappingVersion(live.get());
		int wanted = ContentIndices.templateMappingVersion();
		if (version < wanted) {
			return Optional
				.of("index " + live.get() + " has mapping version " + version + ", this build needs " + wanted);
		}
		if (this.indices.count(live.get()) == 0 && !this.lease.replayed(live.get())) {
			long consumed = consumed(group);
			// A group commits after its bulk succeeded: after a refresh, what it indexed
			// shows.
			this.indices.refresh(live.get());
			if (consumed > 0 && this.indices.count(live.get()) == 0) {
				return Optional.of("index " + live.get() + " is empty, but the group " + group + " has consumed "
						+ consumed + " records");
			}
		}
		return Optional.empty();
	}

	/** The sum of {@code group}'s committed offsets on the topics it indexes. */
	private long consumed(String group) throws IOException {
		try (Admin admin = Admin.create(this.kafka.buildAdminProperties())) {
			return admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(30, TimeUnit.SECONDS)
				.entrySet()
				.stream()
				.filter((entry) -> TOPICS.contains(entry.getKey().topic()) && entry.getValue() != null)
				.mapToLong((entry) -> entry.getValue().offset())
				.sum();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("Could not read the committed offsets of " + group, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while reading the committed offsets of " + group, ex);
		}
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

	/**
	 * Reindexes in the calling thread, unless another instance holds the lease (then
	 * empty), for the upgrade at start.
	 */
	Optional<ReindexStatus> runNowUnlessElsewhere() throws IOException {
		ReindexStatus started;
		try {
			started = begin();
		}
		catch (Conflict ex) {
			return Optional.empty();
		}
		return Optional.of(run(started));
	}

	private synchronized ReindexStatus begin() throws IOException {
		if (this.status.get().running()) {
			throw new Conflict("A reindex into " + this.status.get().target() + " is already running");
		}
		if (!this.lease.tryAcquire(this.instance, LEASE)) {
			throw new Conflict("Another instance (" + this.lease.holder().orElse("unknown")
					+ ") is reindexing; see its progress there");
		}
		String source;
		String target;
		try {
			source = this.indices.live().orElse(null);
			target = this.indices.createNext();
		}
		catch (IOException | RuntimeException ex) {
			release();
			throw ex;
		}
		ReindexStatus started = new ReindexStatus("copying", source, target, this.clock.instant(), null, 0, 0, 0, null);
		this.status.set(started);
		logger.info("Reindex started: replaying {} into {} (live index {})", TOPICS, target, source);
		return started;
	}

	private ReindexStatus run(ReindexStatus started) {
		String target = started.target();
		AtomicLong read = new AtomicLong();
		AtomicLong skipped = new AtomicLong();
		AtomicBoolean held = new AtomicBoolean(true);
		Thread renewal = Thread.ofVirtual().name("reindex-lease").start(() -> renew(held));
		try (TopicReader reader = new TopicReader(this.kafka, "search-service-reindex", 1000, TOPICS)) {
			this.indices.refreshInterval(target, "-1");
			// Twice: the second pass catches what arrived during the first, so the
			// switch below happens with the new index nearly level with the old.
			replay(reader, reader.ends(), "copying", target, read, skipped, held);
			replay(reader, reader.ends(), "copying", target, read, skipped, held);
			this.indices.refreshInterval(target, "1s");
			this.indices.refresh(target);
			swap(started.source(), target);
			this.lease.markReplayed(target);
			replay(reader, reader.ends(), "finishing", target, read, skipped, held);
			this.indices.refresh(target);
			if (started.source() != null) {
				List<String> deleted = this.indices.deleteOlderThan(started.source());
				if (!deleted.isEmpty()) {
					logger.info("Deleted {}; {} stays for a rollback until the next reindex", deleted,
							started.source());
				}
			}
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
		finally {
			renewal.interrupt();
			release();
		}
	}

	/** Renews the lease a third of its life before it ends, until interrupted. */
	private void renew(AtomicBoolean held) {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				Thread.sleep(LEASE.dividedBy(3));
				if (!this.lease.renew(this.instance, LEASE)) {
					logger.error("The reindex lease went to another instance; stopping this replay");
					held.set(false);
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException | RuntimeException ex) {
			// Elasticsearch unreachable: the replay fails on its own; the lease expires.
			logger.warn("Could not renew the reindex lease: {}", ex.toString());
		}
	}

	private void release() {
		try {
			this.lease.release(this.instance);
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not release the reindex lease; it expires within {} s: {}", LEASE.toSeconds(),
					ex.toString());
		}
	}

	/**
	 * Replays up to {@code ends}. The next poll is read and converted while earlier
	 * batches are written: up to {@link #IN_FLIGHT} bulk requests at a time, so
	 * Elasticsearch is never idle waiting for this service. Their order does not matter:
	 * external versions keep the newest revision whichever arrives last.
	 */
	private void replay(TopicReader reader, Map<TopicPartition, Long> ends, String state, String target,
			AtomicLong read, AtomicLong skipped, AtomicBoolean held) {
		Deque<Future<?>> inFlight = new ArrayDeque<>();
		try (ExecutorService writers = Executors.newFixedThreadPool(IN_FLIGHT,
				Thread.ofPlatform().name("reindex-bulk-", 0).daemon().factory())) {
			long remaining = reader.remaining(ends);
			while (remaining > 0) {
				if (!held.get()) {
					throw new IllegalStateException("Another instance took the reindex lease");
				}
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
					this.indexer.write(batch, target, (record, cause) -> {
						skipped.incrementAndGet();
						this.deadLetters.send(record, "refused by " + target + ": " + cause);
					}, false);
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
