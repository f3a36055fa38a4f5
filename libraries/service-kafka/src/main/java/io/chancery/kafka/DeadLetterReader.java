package io.chancery.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.chancery.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Reads a dead-letter topic the {@link DeadLetterWriter} wrote, for the admin routes of
 * the services that have one: a page of letters to look at, and every letter from an
 * offset on handed back to the service, after a fix, to be used again. {@code from} is an
 * offset within each partition (the dead-letter topics have one).
 */
public final class DeadLetterReader {

	private static final int PAYLOAD_EXCERPT = 2048;

	private final KafkaProperties kafka;

	private final String topic;

	private final String clientId;

	public DeadLetterReader(KafkaProperties kafka, String topic, String clientId) {
		this.kafka = kafka;
		this.topic = topic;
		this.clientId = clientId;
	}

	/** Letters from {@code from} on, at most {@code limit}. */
	public DeadLetterPage page(long from, int limit) {
		List<DeadLetter> letters = new ArrayList<>();
		try (Reader reader = new Reader(from, limit)) {
			while (letters.size() < limit && reader.remaining() > 0) {
				for (ConsumerRecord<byte[], byte[]> record : reader.poll()) {
					if (letters.size() < limit) {
						letters.add(DeadLetter.of(record));
					}
				}
			}
			return new DeadLetterPage(letters, reader.end());
		}
	}

	/**
	 * Hands every letter from {@code from} on to {@code use}, a batch at a time; it
	 * answers the letters it still cannot use, with why.
	 */
	public ReplayReport replay(long from, Function<List<ConsumerRecord<byte[], byte[]>>, List<Failure>> use) {
		List<Failure> failures = new ArrayList<>();
		long replayed = 0;
		try (Reader reader = new Reader(from, 500)) {
			while (reader.remaining() > 0) {
				List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
				reader.poll().forEach(batch::add);
				failures.addAll(use.apply(batch));
				replayed += batch.size();
			}
		}
		return new ReplayReport(replayed, replayed - failures.size(), failures);
	}

	/**
	 * The topic's partitions, assigned and placed at {@code from}, read up to their ends.
	 */
	private final class Reader implements AutoCloseable {

		private final KafkaConsumer<byte[], byte[]> consumer;

		private final Map<TopicPartition, Long> ends;

		Reader(long from, int maxPoll) {
			Map<String, Object> config = WholeTopics.consumerConfig(DeadLetterReader.this.kafka,
					DeadLetterReader.this.clientId);
			config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll);
			this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
			List<TopicPartition> partitions = this.consumer.partitionsFor(DeadLetterReader.this.topic)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			this.consumer.assign(partitions);
			this.ends = this.consumer.endOffsets(partitions);
			for (TopicPartition partition : partitions) {
				this.consumer.seek(partition, Math.min(from, this.ends.get(partition)));
			}
		}

		long end() {
			return this.ends.values().stream().mapToLong(Long::longValue).sum();
		}

		long remaining() {
			long remaining = 0;
			for (Map.Entry<TopicPartition, Long> end : this.ends.entrySet()) {
				remaining += Math.max(0, end.getValue() - this.consumer.position(end.getKey()));
			}
			return remaining;
		}

		Iterable<ConsumerRecord<byte[], byte[]>> poll() {
			return this.consumer.poll(Duration.ofMillis(500));
		}

		@Override
		public void close() {
			this.consumer.close(Duration.ofSeconds(5));
		}

	}

	/**
	 * One dead letter.
	 *
	 * @param offset its offset in the dead-letter topic
	 * @param key the original key
	 * @param eventType the original {@code event-type}
	 * @param origin topic, partition and offset it came from
	 * @param cause why it could not be used
	 * @param deadLetteredAt when it was dead-lettered
	 * @param payload the start of its payload, as text
	 */
	public record DeadLetter(long offset, @Nullable String key, @Nullable String eventType, @Nullable String origin,
			@Nullable String cause, Instant deadLetteredAt, String payload) {

		static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
			String payload = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : "";
			return new DeadLetter(record.offset(),
					(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null,
					header(record, EventType.HEADER), header(record, DeadLetterWriter.ORIGIN),
					header(record, DeadLetterWriter.CAUSE), Instant.ofEpochMilli(record.timestamp()),
					(payload.length() > PAYLOAD_EXCERPT) ? payload.substring(0, PAYLOAD_EXCERPT) + "…" : payload);
		}

		/** A header of a record as text, if it has it. */
		public static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String name) {
			Header header = record.headers().lastHeader(name);
			return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
		}

	}

	/**
	 * A page of dead letters.
	 *
	 * @param letters the letters
	 * @param end the offset after the last dead letter
	 */
	public record DeadLetterPage(List<DeadLetter> letters, long end) {
	}

	/**
	 * What a replay did.
	 *
	 * @param replayed letters handed back to the service
	 * @param indexed letters it used (indexed, applied, or already superseded by a newer
	 * revision)
	 * @param stillFailing letters it still cannot use, with the cause
	 */
	public record ReplayReport(long replayed, long indexed, List<Failure> stillFailing) {
	}

	/**
	 * A letter that failed again.
	 *
	 * @param offset its offset in the dead-letter topic
	 * @param cause why
	 */
	public record Failure(long offset, String cause) {
	}

}
