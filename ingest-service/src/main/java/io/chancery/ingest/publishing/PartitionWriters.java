package io.chancery.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import io.chancery.contracts.Topic;
import io.chancery.kafka.FencedWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * One transactional producer per source partition, with a fixed {@code transactional.id}.
 * A replica writes only the partitions {@link PartitionOwnership} gives it. Taking a
 * partition's producer fences whichever producer held it before (a zombie of the previous
 * owner), and after taking it the ledger is brought up to that partition's last committed
 * offset; from then on, as long as its commits succeed, this replica alone writes the
 * partition and knows every revision in it. That makes revisions rise strictly per item
 * across any number of replicas, with Kafka as the only arbiter.
 */
@Component
class PartitionWriters implements DisposableBean {

	private final Map<String, Object> producerConfig;

	private final Admin admin;

	private final RevisionLedger ledger;

	private final PublishingProperties properties;

	private final ConcurrentMap<TopicPartition, Writer> writers = new ConcurrentHashMap<>();

	private final ConcurrentMap<Topic, Integer> partitionCounts = new ConcurrentHashMap<>();

	PartitionWriters(KafkaProperties kafka, RevisionLedger ledger, PublishingProperties properties) {
		this.producerConfig = Map.copyOf(FencedWriter.producerConfig(kafka));
		this.admin = Admin.create(kafka.buildAdminProperties());
		this.ledger = ledger;
		this.properties = properties;
	}

	/**
	 * The partition a key lives in: Kafka's default partitioner, so every client agrees.
	 */
	TopicPartition partitionOf(Topic topic, String key) {
		int count = partitionCount(topic);
		int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % count;
		return new TopicPartition(topic.wireName(), partition);
	}

	/** How many partitions the topic has, described once. */
	int partitionCount(Topic topic) {
		return this.partitionCounts.computeIfAbsent(topic, this::describePartitionCount);
	}

	Writer writer(TopicPartition partition) {
		return this.writers.computeIfAbsent(partition, Writer::new);
	}

	private int describePartitionCount(Topic topic) {
		try {
			return this.admin.describeTopics(List.of(topic.wireName()))
				.allTopicNames()
				.get(this.properties.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.get(topic.wireName())
				.partitions()
				.size();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new org.apache.kafka.common.KafkaException("Could not describe topic " + topic.wireName(), ex);
		}
	}

	/**
	 * Gives a partition up: waits for the commit in progress, then closes its producer,
	 * so the next owner's producer fences nothing that is still writing.
	 */
	void surrender(TopicPartition partition) {
		Writer writer = this.writers.get(partition);
		if (writer == null) {
			return;
		}
		writer.lock().lock();
		try {
			writer.release();
		}
		finally {
			writer.lock().unlock();
		}
	}

	/**
	 * Takes a partition just assigned to this replica before a write needs it: fences the
	 * previous owner and reads the partition to its end. A failure is left for the first
	 * write to meet again.
	 */
	void warm(TopicPartition partition, java.util.function.Predicate<TopicPartition> owned) {
		Writer writer = writer(partition);
		writer.lock().lock();
		try {
			if (owned.test(partition)) {
				writer.acquire();
			}
		}
		catch (RuntimeException ex) {
			writer.release();
		}
		finally {
			writer.lock().unlock();
		}
	}

	@Override
	public void destroy() {
		this.writers.values().forEach(Writer::release);
		this.admin.close(Duration.ofSeconds(5));
	}

	/** The producer of one partition; callers hold its lock while they write. */
	final class Writer {

		private final TopicPartition partition;

		private final ReentrantLock lock = new ReentrantLock();

		private final FencedWriter producer;

		Writer(TopicPartition partition) {
			this.partition = partition;
			this.producer = new FencedWriter(PartitionWriters.this.producerConfig,
					"ingest-service-" + partition.topic() + "-" + partition.partition(), PartitionWriters.this.admin,
					List.of(partition), PartitionWriters.this.ledger.positions(),
					PartitionWriters.this.properties.acknowledgementTimeout());
		}

		TopicPartition partition() {
			return this.partition;
		}

		ReentrantLock lock() {
			return this.lock;
		}

		/**
		 * Takes the partition if this replica does not hold it: fences the previous
		 * holder, then waits until the ledger has read everything committed before.
		 */
		KafkaProducer<String, byte[]> acquire() {
			return this.producer.acquire();
		}

		/**
		 * Forgets the partition; the next write takes it again, fencing and catching up
		 * first.
		 */
		void release() {
			this.producer.release();
		}

	}

}
