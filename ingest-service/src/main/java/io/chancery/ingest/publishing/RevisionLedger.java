package io.chancery.ingest.publishing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.chancery.contracts.EventType;
import io.chancery.contracts.MajorChange;
import io.chancery.kafka.ReadPositions;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What Kafka holds, as far as writing needs to know: each item's latest accepted revision
 * and event type, and the idempotency keys of the changes still on the topics. Rebuilt
 * from the compacted topics at every start, so revisions keep rising across restarts.
 */
@Component
class RevisionLedger {

	private final ConcurrentMap<String, State> items = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Remembered> idempotencyKeys = new ConcurrentHashMap<>();

	private final ReadPositions positions = new ReadPositions();

	/**
	 * Each item's latest major change, for the changes that carry it on; only items that
	 * had one.
	 */
	private final ConcurrentMap<String, MajorChange> majorChanges = new ConcurrentHashMap<>();

	/** The items whose latest accepted revision is a draft. */
	private final Set<String> drafts = ConcurrentHashMap.newKeySet();

	private volatile boolean caughtUp;

	Optional<State> state(String topicKey) {
		return Optional.ofNullable(this.items.get(topicKey));
	}

	/** What an item was before the next change: its revision and latest major change. */
	Previous previous(String topicKey) {
		State state = this.items.get(topicKey);
		return new Previous((state != null) ? state.accepted() : 0, this.majorChanges.get(topicKey),
				this.drafts.contains(topicKey));
	}

	Optional<Remembered> remembered(String idempotencyKey) {
		return Optional.ofNullable(this.idempotencyKeys.get(idempotencyKey));
	}

	/**
	 * Reserves the next revision for an item: one above anything accepted or reserved
	 * before, so two writes in flight never share a revision. A failed write leaves a
	 * gap, never a repeat.
	 */
	long reserve(String topicKey) {
		return this.items
			.merge(topicKey, new State(0, 1, null, -1, -1), (old, ignored) -> old.withReserved(old.reserved() + 1))
			.reserved();
	}

	/**
	 * Reserves {@code revision} for a change restored from a backup, if the item has no
	 * revision at or above it yet.
	 * @return whether it was reserved; false if the item is already there
	 */
	boolean reserveExactly(String topicKey, long revision) {
		boolean[] reserved = { false };
		this.items.compute(topicKey, (key, old) -> {
			if (old == null) {
				reserved[0] = true;
				return new State(0, revision, null, -1, -1);
			}
			if (old.reserved() >= revision) {
				return old;
			}
			reserved[0] = true;
			return old.withReserved(revision);
		});
		return reserved[0];
	}

	/**
	 * Gives a reserved revision back, for a write known never to have been committed (its
	 * transaction was aborted when another producer fenced this one), so that the item's
	 * next revision follows its last accepted one without a gap.
	 */
	void unreserve(String topicKey, long revision) {
		this.items.computeIfPresent(topicKey, (key, old) -> (old.reserved() == revision)
				? old.withReserved(Math.max(old.accepted(), revision - 1)) : old);
	}

	/**
	 * Records an acknowledged change, from this service's own write or from reading the
	 * topic.
	 */
	void accept(String topicKey, EventType type, long revision, int partition, long offset,
			@Nullable String idempotencyKey, @Nullable String fingerprint) {
		accept(topicKey, type, revision, partition, offset, idempotencyKey, fingerprint, ItemFacts.NONE);
	}

	/** Records an acknowledged change with what its message says of the item. */
	void accept(String topicKey, EventType type, long revision, int partition, long offset,
			@Nullable String idempotencyKey, @Nullable String fingerprint, ItemFacts facts) {
		State before = this.items.get(topicKey);
		if (before == null || revision >= before.accepted()) {
			if (facts.draft()) {
				this.drafts.add(topicKey);
			}
			else {
				this.drafts.remove(topicKey);
			}
		}
		MajorChange majorChange = facts.majorChange();
		if (majorChange != null) {
			// Every later message carries it on, so the newest one seen holds.
			this.majorChanges.merge(topicKey, majorChange, (old, added) -> added.at().isBefore(old.at()) ? old : added);
		}
		this.items.merge(topicKey, new State(revision, revision, type, partition, offset), (old, added) -> {
			if (revision < old.accepted()) {
				return old.withReserved(Math.max(old.reserved(), revision));
			}
			return new State(revision, Math.max(old.reserved(), revision), type, partition, offset);
		});
		if (idempotencyKey != null && fingerprint != null) {
			this.idempotencyKeys.put(idempotencyKey, new Remembered(topicKey, type, revision, fingerprint));
		}
	}

	/**
	 * Records how far the topics have been read: every committed record before this
	 * offset is in the ledger.
	 */
	void readUpTo(TopicPartition partition, long position) {
		this.positions.readUpTo(partition, position);
	}

	/** How far the topics have been read, for the partitions' fenced writers. */
	ReadPositions positions() {
		return this.positions;
	}

	boolean isCaughtUp() {
		return this.caughtUp;
	}

	void markCaughtUp() {
		this.caughtUp = true;
	}

	int size() {
		return this.items.size();
	}

	/**
	 * An item's revisions.
	 *
	 * @param accepted the latest revision Kafka acknowledged, 0 if none
	 * @param reserved the highest revision handed out, at least {@code accepted}
	 * @param type the event type of the accepted revision, absent if none was accepted
	 * yet
	 * @param partition the partition of the accepted revision's record, -1 if none
	 * @param offset the offset of the accepted revision's record, -1 if none
	 */
	record State(long accepted, long reserved, @Nullable EventType type, int partition, long offset) {

		State withReserved(long reserved) {
			return new State(this.accepted, reserved, this.type, this.partition, this.offset);
		}

		/**
		 * Whether the latest accepted change left the item in place (published, or
		 * withdrawn with a note).
		 */
		boolean exists() {
			return this.type != null && (this.type == EventType.ARTICLE_PUBLISHED
					|| this.type == EventType.EVENT_PUBLISHED || this.type == EventType.SITE_DETAILS_UPDATED);
		}

	}

	/** A change made under an idempotency key. */
	record Remembered(String topicKey, EventType type, long revision, String fingerprint) {
	}

}
