package io.chancery.ingest.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.LongFunction;

import io.chancery.contracts.Topic;
import io.chancery.ingest.publishing.PartitionWriters.Writer;
import io.chancery.ingest.publishing.RevisionLedger.Remembered;
import io.chancery.ingest.publishing.RevisionLedger.State;
import io.chancery.ingest.publishing.Transactions.Sent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * Single changes to a partition, committed in groups (group commit): the changes that
 * wait while the partition's writer is busy go into its next transaction together. The
 * caller that takes the writer drives it for the others until its own change is
 * committed; each change keeps its own conditions, revision and answer. A partition's
 * queue is bounded and so is the wait in it: past either, the change is refused at once.
 */
@Component
class GroupCommit {

	private static final Duration DRIVER_CHECK = Duration.ofMillis(50);

	private final RevisionLedger ledger;

	private final PartitionOwnership ownership;

	private final PublishingProperties properties;

	private final Transactions transactions;

	private final ConcurrentMap<TopicPartition, BlockingQueue<PendingChange>> waiting = new ConcurrentHashMap<>();

	GroupCommit(RevisionLedger ledger, PartitionOwnership ownership, PublishingProperties properties,
			Transactions transactions) {
		this.ledger = ledger;
		this.ownership = ownership;
		this.properties = properties;
		this.transactions = transactions;
	}

	/**
	 * Publishes one change to a partition this replica owns. Changes to the same
	 * partition that arrive while its writer is busy are committed together, in one
	 * transaction: a transaction's cost is paid once for all of them, and each caller is
	 * still answered only after Kafka committed its change.
	 * @throws OwnedElsewhere if the partition moved while the change waited
	 * @throws WriteRefused if the partition's queue is full, or the change waited too
	 * long
	 */
	Published publish(Writer writer, Publication publication, Payload payload) {
		Topic topic = publication.type().topic();
		PendingChange pending = new PendingChange(publication, TopicKeys.of(topic, publication.key()), payload);
		BlockingQueue<PendingChange> waiting = this.waiting.computeIfAbsent(writer.partition(),
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
						List<PendingChange> group = PendingChange.nextGroup(waiting);
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
				PendingChange next = waiting.peek();
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
	 * Commits the single changes waiting for a partition; the caller holds its writer.
	 */
	void commitWaiting(Writer writer) {
		BlockingQueue<PendingChange> singles = this.waiting.get(writer.partition());
		if (singles == null) {
			return;
		}
		for (List<PendingChange> group = PendingChange.nextGroup(singles); !group.isEmpty(); group = PendingChange
			.nextGroup(singles)) {
			commit(writer, group);
		}
	}

	/** Wakes the first change waiting for a partition, to drive its writer. */
	void wakeNext(TopicPartition partition) {
		BlockingQueue<PendingChange> singles = this.waiting.get(partition);
		PendingChange next = (singles != null) ? singles.peek() : null;
		if (next != null) {
			next.wake();
		}
	}

	private WriteRefused busy(TopicPartition partition, String why) {
		return new WriteRefused(
				"Too many changes for " + partition + " at once: " + why
						+ ". Nothing was stored; retry with the same Idempotency-Key.",
				this.properties.retryAfter(), null);
	}

	/**
	 * Commits a group of single changes in one transaction; the caller holds the writer.
	 */
	private void commit(Writer writer, List<PendingChange> group) {
		if (!this.ownership.owns(writer.partition())) {
			// Handed over while these waited; the revocation waited for the lock this
			// caller holds, so no transaction of theirs is open.
			group.forEach((pending) -> pending.fail(new NotOwned()));
			return;
		}
		for (int attempt = 1;; attempt++) {
			List<PendingChange> sending = new ArrayList<>(group.size());
			Sent sent;
			try {
				sent = this.transactions.run(writer, () -> {
					List<ProducerRecord<String, byte[]>> records = new ArrayList<>(group.size());
					for (PendingChange pending : group) {
						if (pending.done()) {
							continue;
						}
						try {
							Optional<Published> replay = replay(pending.publication);
							if (replay.isPresent()) {
								pending.succeed(replay.get());
								continue;
							}
							State state = this.ledger.state(pending.topicKey).orElse(new State(0, 0, null, -1, -1));
							check(pending.publication, state);
							Previous previous = this.ledger.previous(pending.topicKey);
							pending.revision = this.ledger.reserve(pending.topicKey);
							Object message;
							try {
								message = pending.payload.at(pending.revision, previous);
							}
							catch (RuntimeException ex) {
								// Refused by its own rule (a draft over a published
								// item):
								// nothing is sent, its revision goes back.
								this.ledger.unreserve(pending.topicKey, pending.revision);
								throw ex;
							}
							pending.facts = ItemFacts.of(message);
							records.add(this.transactions.record(writer.partition(), pending.publication, message));
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
				for (PendingChange pending : group) {
					if (!pending.done()) {
						pending
							.fail(new IllegalStateException("Publishing " + pending.publication.key() + " failed", ex));
					}
				}
				throw ex;
			}
			if (sent.committed()) {
				for (int n = 0; n < sending.size(); n++) {
					PendingChange pending = sending.get(n);
					RecordMetadata metadata = sent.metadata().get(n);
					this.ledger.accept(pending.topicKey, pending.publication.type(), pending.revision,
							metadata.partition(), metadata.offset(), pending.publication.idempotencyKey(),
							pending.publication.fingerprint(), pending.facts);
					pending.succeed(new Published(pending.publication.key(), pending.publication.type(),
							pending.revision, false));
				}
				return;
			}
			if (sent.fenced() && attempt < Transactions.ATTEMPTS) {
				// Another replica took the partition, aborting this transaction: give
				// its revisions back and start over with what that replica wrote.
				for (PendingChange pending : sending) {
					this.ledger.unreserve(pending.topicKey, pending.revision);
				}
				continue;
			}
			failAll(group, Objects.requireNonNull(sent.failure()));
			return;
		}
	}

	private void failAll(List<PendingChange> group, Throwable cause) {
		for (PendingChange pending : group) {
			if (!pending.done()) {
				pending.fail(this.transactions.unavailable(pending.publication, cause));
			}
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

	/** The partition was handed over while a change waited for it. */
	private static final class NotOwned extends RuntimeException {

		NotOwned() {
			super(null, null, false, false);
		}

	}

}
