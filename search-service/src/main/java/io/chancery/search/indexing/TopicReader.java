package io.chancery.search.indexing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chancery.kafka.WholeTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Reads whole topics without a consumer group ({@link WholeTopics}): every partition
 * assigned, committed records only, nothing committed back. Reindexing and the
 * dead-letter tools read this way, beside the live consumer and without disturbing its
 * offsets.
 */
final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final List<TopicPartition> partitions = new ArrayList<>();

	TopicReader(KafkaProperties kafka, String clientId, int maxPollRecords, List<String> topics) {
		Map<String, Object> config = WholeTopics.consumerConfig(kafka, clientId);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
		this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
		for (String topic : topics) {
			this.consumer.partitionsFor(topic)
				.forEach((info) -> this.partitions.add(new TopicPartition(info.topic(), info.partition())));
		}
		this.consumer.assign(this.partitions);
		this.consumer.seekToBeginning(this.partitions);
	}

	/** Where each partition's committed records end now. */
	Map<TopicPartition, Long> ends() {
		return this.consumer.endOffsets(this.partitions);
	}

	/** Records still to read before {@code ends} is reached. */
	long remaining(Map<TopicPartition, Long> ends) {
		long remaining = 0;
		for (TopicPartition partition : this.partitions) {
			remaining += Math.max(0, ends.getOrDefault(partition, 0L) - this.consumer.position(partition));
		}
		return remaining;
	}

	void seek(TopicPartition partition, long offset) {
		this.consumer.seek(partition, offset);
	}

	List<ConsumerRecord<byte[], byte[]>> poll() {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		this.consumer.poll(Duration.ofMillis(500)).forEach(records::add);
		return records;
	}

	List<TopicPartition> partitions() {
		return this.partitions;
	}

	@Override
	public void close() {
		this.consumer.close(Duration.ofSeconds(5));
	}

}
