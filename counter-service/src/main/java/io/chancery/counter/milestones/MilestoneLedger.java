package io.chancery.counter.milestones;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.chancery.kafka.ReadPositions;
import org.apache.kafka.common.TopicPartition;

import org.springframework.stereotype.Component;

/**
 * The milestones already announced, as the {@code counter-milestones} topic records them.
 */
@Component
public class MilestoneLedger {

	private final Set<String> announced = ConcurrentHashMap.newKeySet();

	private final ReadPositions positions = new ReadPositions();

	/** Records an announcement read from the topic or just committed. */
	public void announced(String key) {
		this.announced.add(key);
	}

	/** Records how far the topic has been read. */
	public void readUpTo(TopicPartition partition, long position) {
		this.positions.readUpTo(partition, position);
	}

	boolean wasAnnounced(String key) {
		return this.announced.contains(key);
	}

	/** How far the topic has been read, for the announcer's fenced writer. */
	ReadPositions positions() {
		return this.positions;
	}

}
