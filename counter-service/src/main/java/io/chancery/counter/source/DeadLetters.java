package io.chancery.counter.source;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.chancery.contracts.EventType;
import io.chancery.contracts.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Sends a source record this service cannot read to {@code counter-service-dead-letters},
 * unchanged, with the cause and origin in headers. This service reads its topics from the
 * start at every start, so it meets the same unreadable record again each time: a record
 * whose origin is already in the dead-letter topic is not sent twice.
 */
@Component
class DeadLetters implements DisposableBean {

	static final String CAUSE = "dead-letter-cause";

	static final String ORIGIN = "dead-letter-origin";

	private static final String TOPIC = Topic.COUNTER_SERVICE_DEAD_LETTERS.wireName();

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	private final KafkaProperties kafka;

	private final KafkaProducer<byte[], byte[]> producer;

	private final Counter sent;

	private volatile Set<String> known;

	DeadLetters(KafkaProperties kafka, MeterRegistry meters) {
		this.kafka = kafka;
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "counter-service-dead-letters");
		this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
		this.sent = Counter.builder("chancery.counters.dead.letters")
			.description("Source records counter-service could not read, sent to its dead-letter topic")
			.register(meters);
	}

	void send(ConsumerRecord<String, byte[]> record, String cause) {
		String origin = record.topic() + "-" + record.partition() + "@" + record.offset();
		if (known().contains(origin)) {
			return;
		}
		ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(TOPIC,
				(record.key() != null) ? record.key().getBytes(StandardCharsets.UTF_8) : null, record.value());
		dead.headers().add(CAUSE, cause.getBytes(StandardCharsets.UTF_8));
		dead.headers().add(ORIGIN, origin.getBytes(StandardCharsets.UTF_8));
		Header type = record.headers().lastHeader(EventType.HEADER);
		if (type != null) {
			dead.headers().add(EventType.HEADER, type.value());
		}
		try {
			this.producer.send(dead).get(30, TimeUnit.SECONDS);
			this.known.add(origin);
			this.sent.increment();
			logger.warn("Dead-lettered {}: {}", origin, cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// The record is skipped either way; the next start tries to dead-letter it
			// again.
			logger.warn("Could not dead-letter {} ({}): {}", origin, cause, ex.toString());
		}
	}

	/** The origins already dead-lettered, read once from the topic. */
	private Set<String> known() {
		Set<String> origins = this.known;
		if (origins != null) {
			return origins;
		}
		origins = ConcurrentHashMap.newKeySet();
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "counter-service-dead-letter-reader");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(TOPIC)
				.stream()
				.map((info) -> new TopicPartition(TOPIC, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(Duration.ofMillis(500))) {
					Header origin = letter.headers().lastHeader(ORIGIN);
					if (origin != null) {
						origins.add(new String(origin.value(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		this.known = origins;
		return origins;
	}

	@Override
	public void destroy() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
