package io.chancery.gateway.routing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.chancery.contracts.PartitionOwner;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Which ingest-service replica writes each source partition, as far as this gateway has
 * heard: learned from the owners' answers ({@link PartitionOwner}), forgotten when an
 * owner cannot be reached. What it does not know goes to the service's address, where any
 * replica takes it and passes it on.
 */
@Component
class WriteOwners {

	private final Map<String, Partitions> topics = new ConcurrentHashMap<>();

	private final MeterRegistry meters;

	WriteOwners(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Counts a change sent to its owner: {@code direct} when the owner answered,
	 * {@code unreachable} when it could not be reached and the service's address took it.
	 */
	void count(String outcome) {
		this.meters.counter("chancery.gateway.writes.to.owner", "outcome", outcome).increment();
	}

	/** Takes an owner's word for its partition. */
	void learn(PartitionOwner hint) {
		Partitions partitions = this.topics.compute(hint.topic(),
				(topic, known) -> (known != null && known.owners.length() == hint.partitions()) ? known
						: new Partitions(hint.partitions()));
		partitions.owners.set(hint.partition(), hint.owner());
	}

	/**
	 * Whether any owner of the topic is known, so that reading a change's key is worth
	 * it.
	 */
	boolean knows(String topic) {
		return this.topics.containsKey(topic);
	}

	/** The replica that writes the key's partition, if known. */
	@Nullable URI ownerOf(String topic, String key) {
		Partitions partitions = this.topics.get(topic);
		if (partitions == null) {
			return null;
		}
		return partitions.owners.get(partition(key, partitions.owners.length()));
	}

	/** Stops sending anything to a replica that did not answer. */
	void forget(URI owner) {
		for (Partitions partitions : this.topics.values()) {
			for (int i = 0; i < partitions.owners.length(); i++) {
				partitions.owners.compareAndSet(i, owner, null);
			}
		}
	}

	/**
	 * The partition of a record key: Kafka's default partitioner, as ingest-service
	 * places records.
	 */
	static int partition(String key, int partitions) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	private static final class Partitions {

		private final AtomicReferenceArray<URI> owners;

		private Partitions(int count) {
			this.owners = new AtomicReferenceArray<>(count);
		}

	}

}
