package io.chancery.ingest.publishing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * A single change waiting for its partition's writer. The caller that drives the writer
 * sets its outcome and wakes its own caller.
 */
final class PendingChange {

	/**
	 * The most single changes one transaction takes; more wait for the next. Bounds the
	 * time a caller at the end of a group waits behind the others.
	 */
	private static final int GROUP_SIZE = 256;

	final Publication publication;

	final String topicKey;

	final Payload payload;

	private final Thread caller = Thread.currentThread();

	/** The revision reserved for it while its group is built. */
	long revision;

	/** What the message built for it says of the item, for the ledger. */
	ItemFacts facts = ItemFacts.NONE;

	private volatile @Nullable Published published;

	private volatile @Nullable RuntimeException failure;

	PendingChange(Publication publication, String topicKey, Payload payload) {
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

	/**
	 * Takes the changes waiting for a partition, in their order, up to a group's size. A
	 * change to an item already in the group, or under an idempotency key already in it,
	 * stays for the next group: its conditions and replay depend on the earlier one's
	 * outcome.
	 */
	static List<PendingChange> nextGroup(BlockingQueue<PendingChange> waiting) {
		List<PendingChange> group = new ArrayList<>();
		Set<String> items = new HashSet<>();
		Set<String> idempotencyKeys = new HashSet<>();
		for (Iterator<PendingChange> it = waiting.iterator(); it.hasNext() && group.size() < GROUP_SIZE;) {
			PendingChange pending = it.next();
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

}
