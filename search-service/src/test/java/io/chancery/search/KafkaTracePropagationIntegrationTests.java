package io.chancery.search;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.chancery.contracts.Topic;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import io.chancery.infrastructure.Infrastructure;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace started by a producer continues in a Spring Cloud Stream consumer of this
 * service: the binder's observation reads the W3C {@code traceparent} header of the
 * record.
 */
@SpringBootTest(properties = { "spring.cloud.function.definition=traceProbe",
		"spring.cloud.stream.bindings.traceProbe-in-0.destination=articles",
		"spring.cloud.stream.bindings.traceProbe-in-0.group=trace-probe",
		"spring.cloud.stream.bindings.traceProbe-in-0.consumer.use-native-decoding=true",
		"spring.cloud.stream.kafka.bindings.traceProbe-in-0.consumer.start-offset=latest" })
@Import({ ChanceryInfrastructureConfiguration.class, KafkaTracePropagationIntegrationTests.Probe.class })
class KafkaTracePropagationIntegrationTests {

	@Autowired
	private BlockingQueue<String[]> seen;

	@Test
	void consumerContinuesTheProducersTrace() throws Exception {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		String key = "trace-" + traceId.substring(0, 8) + ":en";
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			// The consumer may still be joining its group; keep publishing until it sees
			// one record.
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.ARTICLES.wireName(), key,
						"{}".getBytes(StandardCharsets.UTF_8));
				record.headers()
					.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
				producer.send(record).get(10, TimeUnit.SECONDS);
				String[] observed = this.seen.poll(2, TimeUnit.SECONDS);
				if (observed != null) {
					assertThat(observed[0]).isEqualTo(key);
					assertThat(observed[1]).isEqualTo(traceId);
					return;
				}
			}
		}
		throw new AssertionError("The consumer never received the record");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		BlockingQueue<String[]> seen() {
			return new LinkedBlockingQueue<>();
		}

		@Bean
		Consumer<Message<byte[]>> traceProbe(Tracer tracer, BlockingQueue<String[]> seen) {
			return (message) -> {
				Span span = tracer.currentSpan();
				Object key = message.getHeaders().get("kafka_receivedMessageKey");
				String keyText = (key instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8)
						: String.valueOf(key);
				seen.add(new String[] { keyText, (span != null) ? span.context().traceId() : "none" });
			};
		}

	}

}
