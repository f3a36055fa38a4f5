package io.chancery.ingest.publishing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chancery.contracts.Topic;
import io.chancery.kafka.WholeTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

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

	RecordReader(KafkaProperties kafka) {
		Map<String, Object> config = WholeTopics.consumerConfig(kafka, "ingest-service-reader");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	synchronized Optional<byte[]> read(Topic topic, int partition, long offset) {
		TopicPartition topicPartition = new TopicPartition(topic.wireName(), partition);
		this.consumer.assign(List.of(topicPartition));
		this.consumer.seek(topicPartition, offset);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
				if (record.offset() == offset) {
					return Optional.ofNullable(record.value());
				}
				if (record.offset() > offset) {
					// Compacted away: a later change of the same key superseded it.
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	@Override
	public synchronized void destroy() {
		this.consumer.close(Duration.ofSeconds(5));
	}

}
