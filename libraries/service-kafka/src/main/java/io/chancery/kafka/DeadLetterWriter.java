package io.chancery.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chancery.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Writes a record a service cannot use to its dead-letter topic, key and value unchanged,
 * with the same headers in every service: why ({@value #CAUSE}), where it came from
 * ({@value #ORIGIN}, {@code topic-partition@offset}) and its {@code event-type}, so that
 * the source partition keeps flowing and the record can be replayed after a fix. What to
 * do when Kafka does not take a dead letter (retry, or skip and meet it again at the next
 * start) is the service's to decide.
 */
public final class DeadLetterWriter implements AutoCloseable {

	/** Header: why the record could not be used. */
	public static final String CAUSE = "dead-letter-cause";

	/** Header: where the record came from, {@code topic-partition@offset}. */
	public static final String ORIGIN = "dead-letter-origin";

	private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(30);

	private final KafkaProperties kafka;

	private final String topic;

	private final String clientId;

	private final KafkaProducer<byte[], byte[]> producer;

	/**
	 * A writer with its own idempotent producer.
	 * @param kafka Boot's Kafka properties
	 * @param topic the service's dead-letter topic
	 * @param clientId how the broker names this writer
	 */
	public DeadLetterWriter(KafkaProperties kafka, String topic, String clientId) {
		this.kafka = kafka;
		this.topic = topic;
		this.clientId = clientId;
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
		this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}

	/** How a record's origin reads in {@value #ORIGIN}. */
	public static String origin(String topic, int partition, long offset) {
		return topic + "-" + partition + "@" + offset;
	}

	/**
	 * The topic of an origin as {@link #origin} wrote it, or {@code null} if there is
	 * none (a letter from before the header, or written by hand).
	 */
	public static @Nullable String originTopic(@Nullable String origin) {
		int at = (origin != null) ? origin.lastIndexOf('@') : -1;
		int partition = (at > 0) ? origin.lastIndexOf('-', at) : -1;
		return (partition > 0) ? origin.substring(0, partition) : null;
	}

	/** Writes {@code record} as a dead letter; see {@link #write(Letter)}. */
	public void write(ConsumerRecord<String, byte[]> record, String cause) {
		Header type = record.headers().lastHeader(EventType.HEADER);
		write(new Letter(origin(record.topic(), record.partition(), record.offset()), record.key(), record.value(),
				(type != null) ? new String(type.value(), StandardCharsets.UTF_8) : null, cause));
	}

	/**
	 * Writes one dead letter and waits until Kafka has it.
	 * @throws NotWritten if Kafka did not take it in time, or the wait was interrupted
	 * (the thread keeps its interrupt)
	 */
	public void write(Letter letter) {
		ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(this.topic,
				(letter.key() != null) ? letter.key().getBytes(StandardCharsets.UTF_8) : null, letter.value());
		dead.headers().add(CAUSE, letter.cause().getBytes(StandardCharsets.UTF_8));
		dead.headers().add(ORIGIN, letter.origin().getBytes(StandardCharsets.UTF_8));
		if (letter.eventType() != null) {
			dead.headers().add(EventType.HEADER, letter.eventType().getBytes(StandardCharsets.UTF_8));
		}
		try {
			this.producer.send(dead).get(ACKNOWLEDGEMENT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new NotWritten(letter, ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new NotWritten(letter, ex);
		}
	}

	/** The origins of every dead letter in the topic now, read from its beginning. */
	public Set<String> origins() {
		Set<String> origins = new HashSet<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				WholeTopics.consumerConfig(this.kafka, this.clientId + "-reader"), new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(this.topic)
				.stream()
				.map((info) -> new TopicPartition(this.topic, info.partition()))
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
		return origins;
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

	/**
	 * A dead letter.
	 *
	 * @param origin where the record came from ({@link #origin})
	 * @param key its key
	 * @param value its value, unchanged
	 * @param eventType its {@code event-type} header, if it had one
	 * @param cause why it could not be used
	 */
	public record Letter(String origin, @Nullable String key, byte @Nullable [] value, @Nullable String eventType,
			String cause) {
	}

	/** Kafka did not take a dead letter. */
	public static final class NotWritten extends RuntimeException {

		NotWritten(Letter letter, Throwable cause) {
			super("Could not write the dead letter of " + letter.origin() + ": " + cause, cause);
		}

	}

}
