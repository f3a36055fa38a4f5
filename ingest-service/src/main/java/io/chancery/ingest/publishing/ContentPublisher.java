package io.chancery.ingest.publishing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.ingest.publishing.PartitionWriters.Writer;
import io.chancery.ingest.publishing.RevisionLedger.Remembered;
import io.chancery.ingest.publishing.RevisionLedger.State;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Publishes changes to their topics and answers only after Kafka committed them
 * (acks=all, idempotent, transactional producers; single changes that wait for the same
 * partition share one transaction). Each change gets a revision above every earlier one
 * of its item, whichever replica wrote that: only the partition's
 * {@link PartitionOwnership owner} writes it, through the partition's
 * {@link PartitionWriters fenced producer}; a change for a partition owned elsewhere is
 * refused with {@link OwnedElsewhere} before anything is done, for the web layer to pass
 * on. A partition's queue is bounded and so is the wait in it: past either, the change is
 * refused at once with a 503 rather than held.
 */
@Component
public class ContentPublisher {

	private static final int ATTEMPTS = 3;

	/**
	 * The most single changes one transaction takes; more wait for the next. Bounds the
	 * time a caller at the end of a group waits behind the others.
	 */
	private static final int GROUP_SIZE = 256;

	private static final Duration DRIVER_CHECK = Duration.ofMillis(50);

	private final PartitionWriters writers;

	private final RevisionLedger ledger;

	private final PublishingProperties properties;

	private final RecordReader reader;

	private final TraceHeaders traceHeaders;

	private final PartitionOwnership ownership;

	private final ConcurrentMap<TopicPartition, BlockingQueue<Pending>> waiting = new ConcurrentHashMap<>();

	ContentPublisher(PartitionWriters writers, PartitionOwnership ownership, RevisionLedger ledger,
			PublishingProperties properties, RecordReader reader, TraceHeaders traceHeaders) {
		this.writers = writers;
		this.ownership = ownership;
		this.ledger = ledger;
		this.properties = properties;
		this.reader = reader;
		this.traceHeaders = traceHeaders;
	}

	/**
	 * Publishes one change. Changes to the same partition that arrive while its writer is
	 * busy are committed together, in one transaction (group commit): a transaction's
	 * cost is paid once for all of them, and each caller is still answered only after
	 * Kafka committed its change.
	 * @param publication the item, its event type and the editor's conditions
	 * @param payload builds the message for the revision the change gets
	 * @return what was published, or the original result when this is a retry under the
	 * same idempotency key
	 * @throws RevisionConflict if the expected revision is not current, or the item
	 * exists and must not
	 * @throws IdempotencyKeyReused if the idempotency key was used for another request
	 * @throws OwnedElsewhere if another replica writes the item's partition
	 * @throws WriteRefused if Kafka did not acknowledge in time, or the partition's queue
	 * is full, or nobody owns the partition while ownership moves
	 */
	public Published publish(Publication publication, LongFunction<?> payload) {
		requireReady();
		Topic topic = publication.type().topic();
		Writer writer = writer(topic, publication.key(), publication);
		requireOwned(writer.partition());
		Pending pending = new Pending(publication, TopicKeys.of(topic, publication.key()), payload);
		BlockingQueue<Pending> waiting = this.waiting.computeIfAbsent(writer.partition(),
				(partition) -> new LinkedBlockingQueue<>(this.properties.queueCapacity()));
		if (!waiting.offer(pending)) {
			throw busy(writer.partition(), "changes wait for it");
		}
		long deadline = System.nanoTime() + this.properties.queueTimeout().toNanos();
		while (!pending.done()) {
			if (writer.lock().tryLock()) {
				try {
					// This caller drives: it commits what waits, in groups, until its own
					// change is committed.
					while (!pending.done()) {
						List<Pending> group = nextGroup(waiting);
						if (group.isEmpty()) {
							throw new IllegalStateException(
									"A change to " + publication.key() + " is neither committed nor waiting");
						}
						commit(writer, group);
					}
				}
				finally {
					writer.lock().unlock();
				}
				// Whoever waits now arrived during the last commit: wake one to drive.
				// Checked after unlocking, so a caller that failed to take the lock
				// before is seen here.
				Pending next = waiting.peek();
				if (next != null) {
					next.wake();
				}
			}
			else {
				// Another caller drives; it wakes this one when the change is committed,
				// or when it stops driving. The timeout only bounds a missed wake-up.
				// A change still waiting at its deadline leaves the queue and is
				// refused; one already taken into a transaction waits for its outcome.
				if (System.nanoTime() > deadline && waiting.remove(pending)) {
					throw busy(writer.partition(), "the changes before it took longer than the "
							+ this.properties.queueTimeout().toMillis() + " ms a change may wait");
				}
				pending.await(DRIVER_CHECK);
			}
		}
		try {
			return pending.outcome();
		}
		catch (NotOwned ex) {
			// The partition moved while the change waited: nothing was written.
			throw this.ownership.elsewhere(writer.partition());
		}
	}

	/**
	 * Refuses at once a change this replica would not write, before any work is done on
	 * it: the request goes to the owner as it came.
	 * @throws OwnedElsewhere if another replica writes the item's partition
	 * @throws WriteRefused if nobody owns the partition while ownership moves
	 */
	public void requireWritable(Topic topic, String key) {
		TopicPartition partition;
		try {
			partition = this.writers.partitionOf(topic, key);
		}
		catch (KafkaException ex) {
			throw new WriteRefused(
					"Kafka did not describe " + topic.wireName() + " in time. Nothing was stored; retry.",
					this.properties.retryAfter(), ex);
		}
		requireOwned(partition);
	}

	/**
	 * Where a change goes after the replica it was passed to said it does not own its
	 * partition (any more): the new owner, read again from Kafka, or a 503 if ownership
	 * is still moving.
	 */
	public RuntimeException lookAgain(OwnedElsewhere misdirected) {
		this.ownership.refresh();
		return this.ownership.elsewhere(misdirected.partition());
	}

	/**
	 * The other replicas of this service, for what only one of them knows (an import's
	 * progress lives on the replica that runs it).
	 */
	public Set<URI> otherReplicas() {
		return this.ownership.others();
	}

	private void requireOwned(TopicPartition partition) {
		if (!this.ownership.owns(partition)) {
			throw this.ownership.elsewhere(partition);
		}
	}

	private WriteRefused busy(TopicPartition partition, String why) {
		return new WriteRefused(
				"Too many changes for " + partition + " at once: " + why
						+ ". Nothing was stored; retry with the same Idempotency-Key.",
				this.properties.retryAfter(), null);
	}

	/**
	 * Takes the changes waiting for a partition, in their order, up to a group's size. A
	 * change to an item already in the group, or under an idempotency key already in it,
	 * stays for the next group: its conditions and replay depend on the earlier one's
	 * outcome.
	 */
	private static List<Pending> nextGroup(BlockingQueue<Pending> waiting) {
		List<Pending> group = new ArrayList<>();
		Set<String> items = new HashSet<>();
		Set<String> idempotencyKeys = new HashSet<>();
		for (Iterator<Pending> it = waiting.iterator(); it.hasNext() && group.size() < GROUP_SIZE;) {
			Pending pending = it.next();
			String idempotencyKey = pending.publication.idempotencyKey();
			if (items.contains(pending.topicKey)
					|| (idempotencyKey != null && idempotencyKeys.contains(idempotencyKey))) {
				continue;
			}
			it.remove();
			group.add(pending);
			items.add(pending.topicKey);
			if (idempotencyKey != null) {
				idempotencyKeys.add(idempotencyKey);
			}
		}
		return group;
	}

	/**
	 * Commits a group of single changes in one transaction; the caller holds the writer.
	 */
	private void commit(Writer writer, List<Pending> group) {
		if (!this.ownership.owns(writer.partition())) {
			// Handed over while these waited; the revocation waited for the lock this
			// caller holds, so no transaction of theirs is open.
			group.forEach((pending) -> pending.fail(new NotOwned()));
			return;
		}
		for (int attempt = 1;; attempt++) {
			List<Pending> sending = new ArrayList<>(group.size());
			Sent sent;
			try {
				sent = transact(writer, () -> {
					List<ProducerRecord<String, byte[]>> records = new ArrayList<>(group.size());
					for (Pending pending : group) {
						if (pending.done()) {
							continue;
						}
						try {
							Optional<Published> replay = replay(pending.publication);
							if (replay.isPresent()) {
								pending.succeed(replay.get());
								continue;
							}
							check(pending.publication,
									this.ledger.state(pending.topicKey).orElse(new State(0, 0, null, -1, -1)));
							pending.revision = this.ledger.reserve(pending.topicKey);
							records.add(record(writer.partition(), pending.publication,
									pending.payload.apply(pending.revision)));
							sending.add(pending);
						}
						catch (RuntimeException ex) {
							// This change's own problem (a conflict, a reused key): the
							// others go on.
							pending.fail(ex);
						}
					}
					return records;
				});
			}
			catch (RuntimeException | Error ex) {
				// Not Kafka's doing: a bug. Every caller of the group still gets an
				// answer (a 5xx), none waits for ever.
				writer.release();
				for (Pending pending : group) {
					if (!pending.done()) {
						pending
							.fail(new IllegalStateException("Publishing " + pending.publication.key() + " failed", ex));
					}
				}
				throw ex;
			}
			if (sent.committed()) {
				for (int n = 0; n < sending.size(); n++) {
					Pending pending = sending.get(n);
					RecordMetadata metadata = sent.metadata().get(n);
					this.ledger.accept(pending.topicKey, pending.publication.type(), pending.revision,
							metadata.partition(), metadata.offset(), pending.publication.idempotencyKey(),
							pending.publication.fingerprint());
					pending.succeed(new Published(pending.publication.key(), pending.publication.type(),
							pending.revision, false));
				}
				return;
			}
			if (sent.fenced() && attempt < ATTEMPTS) {
				// Another replica took the partition, aborting this transaction: give
				// its revisions back and start over with what that replica wrote.
				for (Pending pending : sending) {
					this.ledger.unreserve(pending.topicKey, pending.revision);
				}
				continue;
			}
			failAll(group, Objects.requireNonNull(sent.failure()));
			return;
		}
	}

	/**
	 * One transaction on a partition: the one way single changes and imports reach Kafka.
	 * The records are built after the producer is acquired (which, when this replica has
	 * just taken the partition, fences the previous holder and waits until the ledger has
	 * read everything it committed) and before the transaction opens, so that a failure
	 * building them cannot leave it open. Each record's acknowledgement is awaited. On a
	 * failure the producer is closed, and the next transaction starts a fresh one.
	 * @return the records' metadata in order once committed, or why not: fenced by
	 * another replica (worth retrying over what it wrote) or Kafka not answering in time
	 */
	private Sent transact(Writer writer, Supplier<List<ProducerRecord<String, byte[]>>> build) {
		try {
			KafkaProducer<String, byte[]> producer = writer.acquire();
			List<ProducerRecord<String, byte[]>> records = build.get();
			if (records.isEmpty()) {
				return new Sent(List.of(), null);
			}
			producer.beginTransaction();
			List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
			for (ProducerRecord<String, byte[]> record : records) {
				sends.add(producer.send(record));
			}
			producer.commitTransaction();
			List<RecordMetadata> metadata = new ArrayList<>(sends.size());
			for (Future<RecordMetadata> send : sends) {
				metadata.add(send.get(this.properties.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS));
			}
			return new Sent(metadata, null);
		}
		catch (KafkaException | ExecutionException | java.util.concurrent.TimeoutException ex) {
			writer.release();
			return new Sent(List.of(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			writer.release();
			return new Sent(List.of(), ex);
		}
	}

	/**
	 * What became of one transaction.
	 *
	 * @param metadata each record's place in the partition, once committed
	 * @param failure why it was not committed
	 */
	private record Sent(List<RecordMetadata> metadata, @Nullable Exception failure) {

		boolean committed() {
			return this.failure == null;
		}

		/** Another replica took the partition and aborted this transaction. */
		boolean fenced() {
			return this.failure instanceof ProducerFencedException
					|| this.failure instanceof InvalidProducerEpochException;
		}

	}

	private void failAll(List<Pending> group, Throwable cause) {
		for (Pending pending : group) {
			if (!pending.done()) {
				pending.fail(unavailable(pending.publication, cause));
			}
		}
	}

	/**
	 * Publishes unconditional changes, for imports: one transaction per partition, all
	 * records of a partition pipelined within it. Single changes waiting for a partition
	 * are committed before the import's records, so a large import does not hold them up.
	 * @return one outcome per change, in order: what was published, the replica that owns
	 * its partition, or why not
	 */
	public List<BatchOutcome> publishAll(List<BatchItem> items) {
		requireReady();
		Map<Writer, List<Integer>> byPartition = new LinkedHashMap<>();
		BatchOutcome[] outcomes = new BatchOutcome[items.size()];
		for (int i = 0; i < items.size(); i++) {
			BatchItem item = items.get(i);
			Publication publication = new Publication(item.key(), item.type(), null, false, null, "");
			try {
				byPartition
					.computeIfAbsent(writer(item.type().topic(), item.key(), publication), (w) -> new ArrayList<>())
					.add(i);
			}
			catch (WriteRefused ex) {
				outcomes[i] = new BatchOutcome(null, ex, null);
			}
		}
		byPartition.forEach((writer, indices) -> {
			if (!publishPartition(writer, items, indices, outcomes)) {
				RuntimeException elsewhere = this.ownership.elsewhere(writer.partition());
				BatchOutcome outcome = (elsewhere instanceof OwnedElsewhere owned)
						? new BatchOutcome(null, null, owned.owner())
						: new BatchOutcome(null, (WriteRefused) elsewhere, null);
				indices.forEach((index) -> outcomes[index] = outcome);
			}
		});
		return List.of(outcomes);
	}

	/**
	 * Publishes an import's changes to one partition; false if this replica does not own
	 * it.
	 */
	private boolean publishPartition(Writer writer, List<BatchItem> items, List<Integer> indices,
			BatchOutcome[] outcomes) {
		BatchItem first = items.get(indices.get(0));
		Publication context = new Publication(first.key(), first.type(), null, false, null, "");
		for (int attempt = 1;; attempt++) {
			writer.lock().lock();
			try {
				if (!this.ownership.owns(writer.partition())) {
					return false;
				}
				commitWaitingSingles(writer);
				List<Long> revisions = new ArrayList<>(indices.size());
				Sent sent = transact(writer, () -> {
					List<ProducerRecord<String, byte[]>> records = new ArrayList<>(indices.size());
					for (int index : indices) {
						BatchItem item = items.get(index);
						long revision = this.ledger.reserve(TopicKeys.of(item.type().topic(), item.key()));
						revisions.add(revision);
						Publication publication = new Publication(item.key(), item.type(), null, false, null, "");
						records.add(record(writer.partition(), publication, item.payload().apply(revision)));
					}
					return records;
				});
				if (sent.committed()) {
					for (int n = 0; n < indices.size(); n++) {
						BatchItem item = items.get(indices.get(n));
						RecordMetadata metadata = sent.metadata().get(n);
						this.ledger.accept(TopicKeys.of(item.type().topic(), item.key()), item.type(), revisions.get(n),
								metadata.partition(), metadata.offset(), null, null);
						outcomes[indices.get(n)] = new BatchOutcome(
								new Published(item.key(), item.type(), revisions.get(n), false), null, null);
					}
					return true;
				}
				if (sent.fenced() && attempt < ATTEMPTS) {
					for (int n = revisions.size() - 1; n >= 0; n--) {
						BatchItem item = items.get(indices.get(n));
						this.ledger.unreserve(TopicKeys.of(item.type().topic(), item.key()), revisions.get(n));
					}
					continue;
				}
				fail(indices, outcomes, unavailable(context, Objects.requireNonNull(sent.failure())));
				return true;
			}
			finally {
				writer.lock().unlock();
				BlockingQueue<Pending> singles = this.waiting.get(writer.partition());
				Pending next = (singles != null) ? singles.peek() : null;
				if (next != null) {
					next.wake();
				}
			}
		}
	}

	/**
	 * Commits the single changes waiting for a partition; the caller holds its writer.
	 */
	private void commitWaitingSingles(Writer writer) {
		BlockingQueue<Pending> singles = this.waiting.get(writer.partition());
		if (singles == null) {
			return;
		}
		for (List<Pending> group = nextGroup(singles); !group.isEmpty(); group = nextGroup(singles)) {
			commit(writer, group);
		}
	}

	/**
	 * An item's latest accepted change, its message read back from Kafka; empty if it has
	 * none.
	 */
	public Optional<Stored> latest(Topic topic, String key) {
		return this.ledger.state(TopicKeys.of(topic, key))
			.filter((state) -> state.partition() >= 0 && state.type() != null)
			.flatMap((state) -> this.reader.read(topic, state.partition(), state.offset())
				.map((message) -> new Stored(message, Objects.requireNonNull(state.type()), state.accepted())));
	}

	private Writer writer(Topic topic, String key, Publication publication) {
		try {
			return this.writers.writer(this.writers.partitionOf(topic, key));
		}
		catch (KafkaException ex) {
			throw unavailable(publication, ex);
		}
	}

	private static void check(Publication publication, State state) {
		if (publication.mustNotExist() && state.exists()) {
			throw new RevisionConflict(publication.key() + " already exists", state.accepted());
		}
		Long expected = publication.expectedRevision();
		if (expected != null && expected != state.accepted()) {
			throw new RevisionConflict("Revision " + expected + " of " + publication.key()
					+ " is not current; the current revision is " + state.accepted(),
					(state.accepted() > 0) ? state.accepted() : null);
		}
	}

	private Optional<Published> replay(Publication publication) {
		String idempotencyKey = publication.idempotencyKey();
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		Optional<Remembered> remembered = this.ledger.remembered(idempotencyKey);
		if (remembered.isEmpty()) {
			return Optional.empty();
		}
		if (!remembered.get().fingerprint().equals(publication.fingerprint())) {
			throw new IdempotencyKeyReused(idempotencyKey);
		}
		return Optional
			.of(new Published(publication.key(), remembered.get().type(), remembered.get().revision(), true));
	}

	private void requireReady() {
		if (!this.ledger.isCaughtUp()) {
			throw new LedgerNotReady();
		}
	}

	private ProducerRecord<String, byte[]> record(TopicPartition partition, Publication publication, Object payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(partition.topic(), partition.partition(),
				publication.key(), MessageJson.mapper().writeValueAsBytes(payload));
		record.headers().add(EventType.HEADER, bytes(publication.type().wireName()));
		if (publication.idempotencyKey() != null) {
			record.headers().add(Headers.IDEMPOTENCY_KEY, bytes(publication.idempotencyKey()));
			record.headers().add(Headers.REQUEST_FINGERPRINT, bytes(publication.fingerprint()));
		}
		this.traceHeaders.inject(record.headers());
		return record;
	}

	private static void fail(List<Integer> indices, BatchOutcome[] outcomes, WriteRefused failure) {
		for (int index : indices) {
			outcomes[index] = new BatchOutcome(null, failure, null);
		}
	}

	private WriteRefused unavailable(Publication publication, Throwable cause) {
		return new WriteRefused(
				"Kafka did not acknowledge the change to " + publication.key()
						+ " in time, so it may not be stored. Retry with the same Idempotency-Key.",
				this.properties.retryAfter(), cause);
	}

	/** The partition was handed over while a change waited for it. */
	private static final class NotOwned extends RuntimeException {

		NotOwned() {
			super(null, null, false, false);
		}

	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * One change of an import.
	 *
	 * @param key the record key
	 * @param type the event type
	 * @param payload builds the message for the revision the change gets
	 */
	public record BatchItem(String key, EventType type, LongFunction<?> payload) {
	}

	/**
	 * What became of one change of a batch: published, owned elsewhere, or failed.
	 *
	 * @param published the change, when Kafka acknowledged it
	 * @param failure why not, when it failed
	 * @param owner the replica that writes its partition, when that is another one
	 */
	public record BatchOutcome(@Nullable Published published, @Nullable WriteRefused failure, @Nullable URI owner) {
	}

	/**
	 * A single change waiting for its partition's writer. The caller that drives the
	 * writer sets its outcome and wakes its own caller.
	 */
	private static final class Pending {

		private final Publication publication;

		private final String topicKey;

		private final LongFunction<?> payload;

		private final Thread caller = Thread.currentThread();

		private long revision;

		private volatile @Nullable Published published;

		private volatile @Nullable RuntimeException failure;

		Pending(Publication publication, String topicKey, LongFunction<?> payload) {
			this.publication = publication;
			this.topicKey = topicKey;
			this.payload = payload;
		}

		boolean done() {
			return this.published != null || this.failure != null;
		}

		void succeed(Published published) {
			this.published = published;
			wake();
		}

		void fail(RuntimeException failure) {
			this.failure = failure;
			wake();
		}

		void wake() {
			LockSupport.unpark(this.caller);
		}

		void await(Duration timeout) {
			if (!done()) {
				LockSupport.parkNanos(this, timeout.toNanos());
			}
		}

		Published outcome() {
			RuntimeException failed = this.failure;
			if (failed != null) {
				throw failed;
			}
			return Objects.requireNonNull(this.published);
		}

	}

}
