package io.chancery.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * A transactional producer with a fixed {@code transactional.id}, for partitions that one
 * replica at a time writes (ingest-service's source partitions, counter-service's
 * milestones). Taking it ({@link #acquire}) fences whichever producer held the id before,
 * a zombie of the previous holder included, and then waits until the service's own reader
 * of those partitions has read everything committed in them: from then on, as long as its
 * commits succeed, this replica alone writes them and knows every record in them. A
 * failed write gives it up ({@link #release}); the next {@link #acquire} takes it again.
 * Not safe for concurrent use: the caller holds its own lock around a write.
 */
public final class FencedWriter implements AutoCloseable {

	private final Map<String, Object> config;

	private final Admin admin;

	private final List<TopicPartition> partitions;

	private final ReadPosition reader;

	private final Duration timeout;

	private @Nullable KafkaProducer<String, byte[]> producer;

	private boolean holding;

	/**
	 * A writer that holds nothing yet.
	 * @param producerConfig from {@link #producerConfig}
	 * @param transactionalId the id every replica uses for these partitions
	 * @param admin reads where the committed records end
	 * @param partitions what this writer writes
	 * @param reader the service's reader of those partitions
	 * @param timeout the longest wait for the committed end and for the reader
	 */
	public FencedWriter(Map<String, Object> producerConfig, String transactionalId, Admin admin,
			List<TopicPartition> partitions, ReadPosition reader, Duration timeout) {
		Map<String, Object> config = new HashMap<>(producerConfig);
		config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
		this.config = Map.copyOf(config);
		this.admin = admin;
		this.partitions = List.copyOf(partitions);
		this.reader = reader;
		this.timeout = timeout;
	}

	/**
	 * A transactional producer's settings on Boot's (TLS, SASL): every record
	 * acknowledged by all in-sync replicas, idempotent; the transactional id is the
	 * writer's.
	 */
	public static Map<String, Object> producerConfig(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
		return config;
	}

	/**
	 * The producer, taken first if this writer does not hold it: fences the previous
	 * holder, then waits for the reader to reach each partition's committed end.
	 * @throws TimeoutException if the end or the reader did not come in time
	 * @throws KafkaException if Kafka could not be asked
	 */
	public KafkaProducer<String, byte[]> acquire() {
		if (this.holding && this.producer != null) {
			return this.producer;
		}
		release();
		KafkaProducer<String, byte[]> created = new KafkaProducer<>(this.config, new StringSerializer(),
				new ByteArraySerializer());
		this.producer = created;
		try {
			created.initTransactions();
			for (TopicPartition partition : this.partitions) {
				long end = committedEnd(partition);
				if (!this.reader.awaitPosition(partition, end, this.timeout)) {
					throw new TimeoutException("The reader did not reach offset " + end + " of " + partition + " in "
							+ this.timeout.toMillis() + " ms");
				}
			}
		}
		catch (RuntimeException ex) {
			release();
			throw ex;
		}
		this.holding = true;
		return created;
	}

	/** Whether this writer holds the producer now. */
	public boolean isHolding() {
		return this.holding;
	}

	/**
	 * Gives the producer up, without waiting: the next {@link #acquire} takes it again,
	 * fencing and catching up first.
	 */
	public void release() {
		this.holding = false;
		KafkaProducer<String, byte[]> current = this.producer;
		this.producer = null;
		if (current != null) {
			current.close(Duration.ZERO);
		}
	}

	@Override
	public void close() {
		release();
	}

	private long committedEnd(TopicPartition partition) {
		try {
			return this.admin
				.listOffsets(Map.of(partition, OffsetSpec.latest()),
						new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
				.partitionResult(partition)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
				.offset();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptException(ex);
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
			throw new KafkaException("Could not read the end of " + partition, ex);
		}
	}

	/** The service's reader of the partitions a writer writes. */
	@FunctionalInterface
	public interface ReadPosition {

		/**
		 * Waits until the reader has read {@code partition} up to {@code offset}.
		 * @return whether it did within {@code timeout}
		 */
		boolean awaitPosition(TopicPartition partition, long offset, Duration timeout);

	}

}
