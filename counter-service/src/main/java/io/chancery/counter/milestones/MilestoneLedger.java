package io.chancery.counter.milestones;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * The milestones already announced, as the {@code counter-milestones} topic records them.
 */
@Component
public class MilestoneLedger {

	private final Set<String> announced = ConcurrentHashMap.newKeySet();

	private final ConcurrentMap<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	/** Records an announcement read from the topic or just committed. */
	public void announced(String key) {
		this.announced.add(key);
	}

	/** Records how far the topic has been read. */
	public void readUpTo(TopicPartition partition, long position) {
		this.positions.merge(partition, position, Math::max);
	}

	boolean wasAnnounced(String key) {
		return this.announced.contains(key);
	}

	boolean awaitPosition(TopicPartition partition, long offset, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.positions.getOrDefault(partition, 0L) < offset) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

}
