package io.chancery.search.indexing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chancery.contracts.EventType;
import io.chancery.contracts.Topic;
import io.chancery.kafka.DeadLetterWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Lists the dead letters and replays them through the indexer, for after a fix. A replay
 * is idempotent (external versions), so replaying the same letters twice does no harm; a
 * letter that still cannot be indexed is reported, not dead-lettered again.
 */
@Component
class DeadLetterAdmin {

	private static final String TOPIC = Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName();

	private static final int PAYLOAD_EXCERPT = 2048;

	private final KafkaProperties kafka;

	private final ContentIndexer indexer;

	DeadLetterAdmin(KafkaProperties kafka, ContentIndexer indexer) {
		this.kafka = kafka;
		this.indexer = indexer;
	}

	/** Dead letters from {@code from} on, at most {@code limit}. */
	DeadLetterPage list(long from, int limit) {
		List<DeadLetter> letters = new ArrayList<>();
		long end;
		try (TopicReader reader = new TopicReader(this.kafka, "search-service-dead-letter-admin", limit,
				List.of(TOPIC))) {
			Map<TopicPartition, Long> ends = reader.ends();
			end = ends.values().stream().mapToLong(Long::longValue).sum();
			for (TopicPartition partition : reader.partitions()) {
				reader.seek(partition, Math.min(from, ends.get(partition)));
			}
			while (letters.size() < limit && reader.remaining(ends) > 0) {
				for (ConsumerRecord<byte[], byte[]> record : reader.poll()) {
					if (letters.size() < limit) {
						letters.add(DeadLetter.of(record));
					}
				}
			}
		}
		return new DeadLetterPage(letters, end);
	}

	/** Runs every dead letter from {@code from} on through the indexer again. */
	ReplayReport replay(long from) {
		List<Failure> failures = new ArrayList<>();
		long replayed = 0;
		try (TopicReader reader = new TopicReader(this.kafka, "search-service-dead-letter-replay", 500,
				List.of(TOPIC))) {
			Map<TopicPartition, Long> ends = reader.ends();
			for (TopicPartition partition : reader.partitions()) {
				reader.seek(partition, Math.min(from, ends.get(partition)));
			}
			while (reader.remaining(ends) > 0) {
				List<IncomingRecord> batch = new ArrayList<>();
				for (ConsumerRecord<byte[], byte[]> record : reader.poll()) {
					batch.add(IncomingRecord.from(record));
				}
				this.indexer.write(batch, io.chancery.search.elasticsearch.ContentIndex.ALIAS,
						(record, cause) -> failures.add(new Failure(record.offset(), cause)), false);
				replayed += batch.size();
			}
		}
		return new ReplayReport(replayed, replayed - failures.size(), failures);
	}

	/**
	 * One dead letter.
	 *
	 * @param offset its offset in the dead-letter topic
	 * @param key the original key
	 * @param eventType the original {@code event-type}
	 * @param origin topic, partition and offset it came from
	 * @param cause why it could not be indexed
	 * @param deadLetteredAt when it was dead-lettered
	 * @param payload the start of its payload, as text
	 */
	record DeadLetter(long offset, @Nullable String key, @Nullable String eventType, @Nullable String origin,
			@Nullable String cause, Instant deadLetteredAt, String payload) {

		static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
			String payload = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : "";
			return new DeadLetter(record.offset(),
					(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null,
					header(record, EventType.HEADER), header(record, DeadLetterWriter.ORIGIN),
					header(record, DeadLetterWriter.CAUSE), Instant.ofEpochMilli(record.timestamp()),
					(payload.length() > PAYLOAD_EXCERPT) ? payload.substring(0, PAYLOAD_EXCERPT) + "…" : payload);
		}

		private static @Nullable String header(ConsumerRecord<byte[], byte[]> record, String name) {
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
	record DeadLetterPage(List<DeadLetter> letters, long end) {
	}

	/**
	 * What a replay did.
	 *
	 * @param replayed letters run through the indexer
	 * @param indexed letters indexed (or already superseded by a newer revision)
	 * @param stillFailing letters that still cannot be indexed, with the cause
	 */
	record ReplayReport(long replayed, long indexed, List<Failure> stillFailing) {
	}

	/**
	 * A letter that failed again.
	 *
	 * @param offset its offset in the dead-letter topic
	 * @param cause why
	 */
	record Failure(long offset, String cause) {
	}

}
