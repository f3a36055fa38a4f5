package io.chancery.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On a real Kafka: taking a fenced writer fences the replica that held it before and
 * waits for the reader to reach what was committed; a reader that does not get there in
 * time leaves the writer not holding anything.
 */
class FencedWriterIntegrationTests {

	@Test
	void takingTheWriterFencesThePreviousHolderAndWaitsForTheCommittedEnd() {
		String topic = TestKafka.newTopic("fenced", 1);
		TopicPartition partition = new TopicPartition(topic, 0);
		String transactionalId = "fenced-test-" + topic;
		Map<TopicPartition, Long> asked = new ConcurrentHashMap<>();
		FencedWriter.ReadPosition reader = (at, offset, timeout) -> {
			asked.put(at, offset);
			return true;
		};
		try (Admin admin = Admin.create(TestKafka.properties().buildAdminProperties());
				FencedWriter first = writer(transactionalId, admin, partition, reader);
				FencedWriter second = writer(transactionalId, admin, partition, reader)) {
			KafkaProducer<String, byte[]> held = first.acquire();
			assertThat(first.isHolding()).isTrue();
			assertThat(first.acquire()).isSameAs(held);
			commit(held, topic, "one");
			commit(held, topic, "two");
			KafkaProducer<String, byte[]> taken = second.acquire();
			// The new holder waited for everything committed: two records and their
			// markers.
			assertThat(asked.get(partition)).isEqualTo(committedEnd(partition));
			assertThatThrownBy(() -> commit(held, topic, "zombie")).isInstanceOf(KafkaException.class);
			first.release();
			assertThat(first.isHolding()).isFalse();
			commit(taken, topic, "three");
			assertThat(committedEnd(partition)).isGreaterThan(asked.get(partition));
		}
	}

	@Test
	void aReaderThatDoesNotCatchUpLeavesTheWriterEmptyHanded() {
		String topic = TestKafka.newTopic("fenced", 1);
		TopicPartition partition = new TopicPartition(topic, 0);
		try (Admin admin = Admin.create(TestKafka.properties().buildAdminProperties());
				FencedWriter writer = writer("fenced-test-" + topic, admin, partition,
						(at, offset, timeout) -> false)) {
			assertThatThrownBy(writer::acquire).isInstanceOf(TimeoutException.class).hasMessageContaining(topic);
			assertThat(writer.isHolding()).isFalse();
		}
	}

	private static FencedWriter writer(String transactionalId, Admin admin, TopicPartition partition,
			FencedWriter.ReadPosition reader) {
		return new FencedWriter(FencedWriter.producerConfig(TestKafka.properties()), transactionalId, admin,
				List.of(partition), reader, Duration.ofSeconds(10));
	}

	private static void commit(KafkaProducer<String, byte[]> producer, String topic, String key) {
		producer.beginTransaction();
		producer.send(new ProducerRecord<>(topic, 0, key, new byte[] { 1 }));
		producer.commitTransaction();
	}

	private static long committedEnd(TopicPartition partition) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				WholeTopics.consumerConfig(TestKafka.properties(), "fenced-test-end"), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			return consumer.endOffsets(List.of(partition)).get(partition);
		}
	}

}
