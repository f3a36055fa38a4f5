package io.chancery.ingest.publishing;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.chancery.contracts.EventType;
import io.chancery.contracts.PartitionOwner;
import io.chancery.contracts.Topic;
import io.chancery.ingest.publishing.PartitionWriters.Writer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
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

	private final PartitionWriters writers;

	private final PartitionOwnership ownership;

	private final RevisionLedger ledger;

	private final PublishingProperties properties;

	private final RecordReader reader;

	private final Transactions transactions;

	private final GroupCommit groupCommit;

	private final BatchCommit batches;

	ContentPublisher(PartitionWriters writers, PartitionOwnership ownership, RevisionLedger ledger,
			PublishingProperties properties, RecordReader reader, Transactions transactions, GroupCommit groupCommit,
			BatchCommit batches) {
		this.writers = writers;
		this.ownership = ownership;
		this.ledger = ledger;
		this.properties = properties;
		this.reader = reader;
		this.transactions = transactions;
		this.groupCommit = groupCommit;
		this.batches = batches;
	}

	/**
	 * Publishes one change, in one transaction with the others waiting for its partition
	 * ({@link GroupCommit}).
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
	public Published publish(Publication publication, Payload payload) {
		requireReady();
		Writer writer = writer(publication.type().topic(), publication.key(), publication);
		requireOwned(writer.partition());
		return this.groupCommit.publish(writer, publication, payload);
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
	 * This replica as the writer of the key's partition, for the answer to a change it
	 * wrote: the gateway sends the partition's next changes here directly.
	 * @return empty when another replica writes the partition (any more)
	 */
	public Optional<PartitionOwner> owner(Topic topic, String key) {
		TopicPartition partition = this.writers.partitionOf(topic, key);
		Optional<URI> self = this.ownership.self();
		if (self.isEmpty() || !this.ownership.owns(partition)) {
			return Optional.empty();
		}
		return Optional.of(new PartitionOwner(topic.wireName(), partition.partition(),
				this.writers.partitionCount(topic), self.get()));
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
			Publication publication = new Publication(item.key(), item.type(), null, false, null, null);
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
			if (!this.batches.publish(writer, items, indices, outcomes)) {
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
			throw this.transactions.unavailable(publication, ex);
		}
	}

	private void requireReady() {
		if (!this.ledger.isCaughtUp()) {
			throw new LedgerNotReady();
		}
	}

	/**
	 * One change of an import.
	 *
	 * @param key the record key
	 * @param type the event type
	 * @param payload builds the message for the revision the change gets
	 * @param restoring for a change restored from a backup, the revision it had: it is
	 * published at that revision if the item's current one is below it, and skipped (as
	 * already there) if not; 0 for an ordinary change, which gets the next revision
	 */
	public record BatchItem(String key, EventType type, Payload payload, long restoring) {

		public BatchItem(String key, EventType type, Payload payload) {
			this(key, type, payload, 0);
		}

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

}
