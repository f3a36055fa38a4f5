package io.chancery.counter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.chancery.contracts.Topic;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event this service cannot read goes to its dead-letter topic with the cause.
 */
@SpringBootTest
@Import(ChanceryInfrastructureConfiguration.class)
class DeadLetterIntegrationTests {

	@Test
	void anUnreadableEventIsDeadLetteredWithItsCause() throws Exception {
		String key = "dl-" + UUID.randomUUID().toString().substring(0, 8) + ":en";
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			ProducerRecord<String, String> poison = new ProducerRecord<>(Topic.EVENTS.wireName(), key, "{not json");
			poison.headers().add("event-type", "event-published".getBytes(StandardCharsets.UTF_8));
			producer.send(poison).get(30, TimeUnit.SECONDS);
		}
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<ConsumerRecord<String, String>> letters = letters(key);
			// One per running instance at most; several application contexts share this
			// JVM.
			assertThat(letters).isNotEmpty();
			assertThat(new String(letters.get(0).headers().lastHeader("dead-letter-cause").value(),
					StandardCharsets.UTF_8))
				.startsWith("unreadable event-published");
			assertThat(letters.get(0).value()).isEqualTo("{not json");
		});
	}

	private static List<ConsumerRecord<String, String>> letters(String key) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
				new StringDeserializer(), new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(Topic.COUNTER_SERVICE_DEAD_LETTERS.wireName(), 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.add(record);
					}
				}
			}
		}
		return found;
	}

}
