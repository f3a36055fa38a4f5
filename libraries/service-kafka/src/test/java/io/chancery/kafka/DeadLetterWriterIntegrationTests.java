package io.chancery.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.chancery.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real Kafka: a dead letter keeps its key and value, and carries its cause, origin
 * and event type in the shared headers; the origins already written can be read back.
 */
class DeadLetterWriterIntegrationTests {

	@Test
	void aDeadLetterCarriesItsRecordAndWhyAndWhereFrom() {
		String topic = TestKafka.newTopic("dead-letters", 1);
		KafkaProperties kafka = TestKafka.properties();
		RecordHeaders headers = new RecordHeaders();
		headers.add(EventType.HEADER, "event-published".getBytes(StandardCharsets.UTF_8));
		ConsumerRecord<String, byte[]> unreadable = new ConsumerRecord<>("events", 2, 41L, 0L,
				TimestampType.CREATE_TIME, 0, 0, "e1:en", "{not json".getBytes(StandardCharsets.UTF_8), headers,
				java.util.Optional.empty());
		try (DeadLetterWriter writer = new DeadLetterWriter(kafka, topic, "test-dead-letters")) {
			assertThat(writer.origins()).isEmpty();
			writer.write(unreadable, "unreadable event-published: bad JSON");
			writer.write(new DeadLetterWriter.Letter(DeadLetterWriter.origin("articles", 0, 7), null, null, null,
					"no event type"));
			assertThat(writer.origins()).containsExactlyInAnyOrder("events-2@41", "articles-0@7");
		}
		List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				WholeTopics.consumerConfig(kafka, "test-dead-letter-check"), new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (letters.size() < 2 && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
			}
		}
		assertThat(letters).hasSize(2);
		ConsumerRecord<byte[], byte[]> first = letters.get(0);
		assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo("e1:en");
		assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		assertThat(header(first, DeadLetterWriter.CAUSE)).isEqualTo("unreadable event-published: bad JSON");
		assertThat(header(first, DeadLetterWriter.ORIGIN)).isEqualTo("events-2@41");
		assertThat(header(first, EventType.HEADER)).isEqualTo("event-published");
		assertThat(letters.get(1).key()).isNull();
		assertThat(letters.get(1).headers().lastHeader(EventType.HEADER)).isNull();
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
