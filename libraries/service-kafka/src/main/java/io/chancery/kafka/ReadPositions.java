package io.chancery.kafka;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.kafka.common.TopicPartition;

/**
 * How far a service's reader has read each partition, for the {@link FencedWriter} that
 * must not write before the reader has seen everything committed ahead of it: the reader
 * records its position after each poll ({@link TopicFollower#readUpTo}), the writer waits
 * for the end it found.
 */
public final class ReadPositions implements FencedWriter.ReadPosition {

	private final ConcurrentMap<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	/**
	 * Records that every committed record of {@code partition} before this offset was
	 * read.
	 */
	public void readUpTo(TopicPartition partition, long position) {
		this.positions.merge(partition, position, Math::max);
	}

	@Override
	public boolean awaitPosition(TopicPartition partition, long offset, Duration timeout) {
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
