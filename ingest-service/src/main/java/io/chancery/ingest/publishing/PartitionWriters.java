package io.chancery.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import io.chancery.contracts.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;

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
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		this.producerConfig = Map.copyOf(config);
		this.admin = Admin.create(kafka.buildAdminProperties());
		this.ledger = ledger;
		this.properties = properties;
	}

	/**
	 * The partition a key lives in: Kafka's default partitioner, so every client agrees.
	 */
	TopicPartition partitionOf(Topic topic, String key) {
		int count = this.partitionCounts.computeIfAbsent(topic, this::describePartitionCount);
		int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % count;
		return new TopicPartition(topic.wireName(), partition);
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

		private @Nullable KafkaProducer<String, byte[]> producer;

		private boolean holding;

		Writer(TopicPartition partition) {
			this.partition = partition;
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
			if (this.holding && this.producer != null) {
				return this.producer;
			}
			release();
			Map<String, Object> config = new HashMap<>(PartitionWriters.this.producerConfig);
			config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
					"ingest-service-" + this.partition.topic() + "-" + this.partition.partition());
			config.put(ProducerConfig.CLIENT_ID_CONFIG,
					"ingest-service-" + this.partition.topic() + "-" + this.partition.partition());
			KafkaProducer<String, byte[]> created = new KafkaProducer<>(config, new StringSerializer(),
					new ByteArraySerializer());
			this.producer = created;
			created.initTransactions();
			long committedEnd = committedEnd();
			if (!PartitionWriters.this.ledger.awaitPosition(this.partition, committedEnd,
					PartitionWriters.this.properties.acknowledgementTimeout())) {
				throw new org.apache.kafka.common.errors.TimeoutException(
						"The ledger did not reach offset " + committedEnd + " of " + this.partition + " in time");
			}
			this.holding = true;
			return created;
		}

		/**
		 * Forgets the partition; the next write takes it again, fencing and catching up
		 * first.
		 */
		void release() {
			this.holding = false;
			KafkaProducer<String, byte[]> current = this.producer;
			this.producer = null;
			if (current != null) {
				current.close(Duration.ZERO);
			}
		}

		private long committedEnd() {
			try {
				return PartitionWriters.this.admin
					.listOffsets(Map.of(this.partition, OffsetSpec.latest()),
							new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
					.partitionResult(this.partition)
					.get(PartitionWriters.this.properties.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS)
					.offset();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new org.apache.kafka.common.errors.InterruptException(ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new org.apache.kafka.common.KafkaException("Could not read the end of " + this.partition, ex);
			}
		}

	}

}
