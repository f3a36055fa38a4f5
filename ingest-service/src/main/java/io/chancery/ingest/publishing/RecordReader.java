package io.chancery.ingest.publishing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.chancery.contracts.Topic;
import io.chancery.kafka.WholeTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads single records back by partition and offset, for the rare change that builds on
 * the stored one (a withdrawal that keeps the text readable). One consumer, used by one
 * caller at a time.
 */
@Component
class RecordReader implements DisposableBean {

	private final KafkaConsumer<String, byte[]> consumer;

	/** The consumer is not thread-safe: one caller at a time, each waiting its turn. */
	private final ReentrantLock turn = new ReentrantLock();

	private final PublishingProperties properties;

	RecordReader(KafkaProperties kafka, PublishingProperties properties) {
		Map<String, Object> config = WholeTopics.consumerConfig(kafka, "ingest-service-reader");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
		this.properties = properties;
	}

	/**
	 * The record's value, or empty if compaction removed it.
	 * @throws WriteRefused if Kafka does not give it back within the wait a write is
	 * allowed for its acknowledgement: the change that needs it is refused as a write
	 * Kafka does not acknowledge is, rather than held past the gateway's timeout or taken
	 * for an item that has nothing stored
	 */
	Optional<byte[]> read(Topic topic, int partition, long offset) {
		Duration wait = this.properties.acknowledgementTimeout();
		long deadline = System.nanoTime() + wait.toNanos();
		try {
			if (!this.turn.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw notInTime(null);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw notInTime(ex);
		}
		try {
			TopicPartition topicPartition = new TopicPartition(topic.wireName(), partition);
			this.consumer.assign(List.of(topicPartition));
			this.consumer.seek(topicPartition, offset);
			long left;
			while ((left = deadline - System.nanoTime()) > 0) {
				for (ConsumerRecord<String, byte[]> record : this.consumer
					.poll(Duration.ofNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200))))) {
					if (record.offset() == offset) {
						return Optional.ofNullable(record.value());
					}
					if (record.offset() > offset) {
						// Compacted away: a later change of the same key superseded it.
						return Optional.empty();
					}
				}
			}
			throw notInTime(null);
		}
		finally {
			this.turn.unlock();
		}
	}

	private WriteRefused notInTime(@Nullable Throwable cause) {
		return new WriteRefused("Kafka did not give the stored version back in time, so the change that builds on it"
				+ " was not made. Nothing was stored; retry.", this.properties.retryAfter(), cause);
	}

	@Override
	public void destroy() {
		this.turn.lock();
		try {
			this.consumer.close(Duration.ofSeconds(5));
		}
		finally {
			this.turn.unlock();
		}
	}

}
