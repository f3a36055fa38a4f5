package io.chancery.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chancery.contracts.EventType;
import io.chancery.contracts.MajorChange;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.kafka.TopicFollower;
import io.chancery.kafka.WholeTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads the source topics from the beginning into the {@link RevisionLedger}, then keeps
 * following them, so that changes written by another replica raise this one's revisions
 * too. The service is not ready until the first pass reached the end offsets seen at
 * start.
 */
@Component
class LedgerLoader extends TopicFollower {

	private static final Logger logger = LoggerFactory.getLogger(LedgerLoader.class);

	static final List<Topic> SOURCE_TOPICS = List.of(Topic.ARTICLES, Topic.EVENTS, Topic.SITE_DETAILS);

	private final RevisionLedger ledger;

	LedgerLoader(RevisionLedger ledger, KafkaProperties kafka) {
		super("revision-ledger", config(kafka), SOURCE_TOPICS.stream().map(Topic::wireName).toList());
		this.ledger = ledger;
	}

	private static Map<String, Object> config(KafkaProperties kafka) {
		Map<String, Object> config = WholeTopics.consumerConfig(kafka, "ingest-service-ledger");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		// Nobody waits on this reader once it caught up (an owner knows what it wrote; a
		// new owner reads to the end before it writes), so it fetches in batches rather
		// than once per committed transaction, which costs it and the broker per fetch.
		config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
		return config;
	}

	@Override
	protected void record(ConsumerRecord<String, byte[]> record) {
		apply(record);
	}

	@Override
	protected void readUpTo(TopicPartition partition, long position) {
		this.ledger.readUpTo(partition, position);
	}

	@Override
	protected void caughtUp(long records, Duration took) {
		this.ledger.markCaughtUp();
		logger.info("Revision ledger caught up: {} records, {} items, in {} ms", records, this.ledger.size(),
				took.toMillis());
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		Optional<EventType> type = Optional.ofNullable(header(record, EventType.HEADER))
			.flatMap(EventType::fromWireName);
		if (type.isEmpty() || record.key() == null || record.value() == null) {
			return;
		}
		try {
			long revision = revision(record.value());
			if (revision > 0) {
				String majorChange = header(record, Headers.MAJOR_CHANGE);
				this.ledger.accept(TopicKeys.of(type.get().topic(), record.key()), type.get(), revision,
						record.partition(), record.offset(), header(record, Headers.IDEMPOTENCY_KEY),
						header(record, Headers.REQUEST_FINGERPRINT),
						new ItemFacts((majorChange != null)
								? MessageJson.mapper().readValue(majorChange, MajorChange.class) : null,
								"true".equals(header(record, Headers.DRAFT))));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Skipping unreadable record {}-{}@{}", record.topic(), record.partition(), record.offset());
		}
	}

	/**
	 * The payload's top-level {@code revision}, read without building the message: this
	 * thread reads every record the service and its replicas write, and the revision
	 * comes third in every message, before the body. Zero when there is none.
	 */
	static long revision(byte[] payload) {
		try (JsonParser parser = MessageJson.mapper().createParser(payload)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return 0;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("revision".equals(name)) {
					return (value == JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue() : 0;
				}
				parser.skipChildren();
			}
			return 0;
		}
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
