package io.chancery.search.indexing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.chancery.contracts.EventType;
import io.chancery.contracts.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Sends a record that can never be indexed to {@code search-service-dead-letters},
 * unchanged, with where it came from and why in headers, so that the partition keeps
 * flowing and the record can be replayed after a fix. A dead letter that cannot be
 * written yet is retried until it is: the batch's offsets are committed only after.
 */
@Component
class DeadLetters implements DisposableBean {

	static final String CAUSE = "dead-letter-cause";

	static final String ORIGIN = "dead-letter-origin";

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	private final KafkaProducer<byte[], byte[]> producer;

	private final Counter sent;

	DeadLetters(KafkaProperties kafka, MeterRegistry meters) {
		this.sent = Counter.builder("chancery.indexing.dead.letters")
			.description("Records that could never be indexed, sent to the dead-letter topic")
			.register(meters);
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "search-service-dead-letters");
		this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}

	void send(IncomingRecord record, String cause) {
		ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName(),
				(record.key() != null) ? record.key().getBytes(StandardCharsets.UTF_8) : null, record.value());
		dead.headers().add(CAUSE, cause.getBytes(StandardCharsets.UTF_8));
		dead.headers()
			.add(ORIGIN, (record.topic() + "-" + record.partition() + "@" + record.offset())
				.getBytes(StandardCharsets.UTF_8));
		if (record.eventType() != null) {
			dead.headers().add(EventType.HEADER, record.eventType().getBytes(StandardCharsets.UTF_8));
		}
		Duration backoff = Duration.ofMillis(200);
		while (true) {
			try {
				this.producer.send(dead).get(30, TimeUnit.SECONDS);
				this.sent.increment();
				logger.warn("Dead-lettered {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), cause);
				return;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while dead-lettering", ex);
			}
			catch (Exception ex) {
				logger.warn("Could not dead-letter {}-{}@{} yet: {}", record.topic(), record.partition(),
						record.offset(), ex.toString());
				try {
					Thread.sleep(backoff.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while dead-lettering", interrupted);
				}
				backoff = (backoff.toSeconds() < 5) ? backoff.multipliedBy(2) : backoff;
			}
		}
	}

	@Override
	public void destroy() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
