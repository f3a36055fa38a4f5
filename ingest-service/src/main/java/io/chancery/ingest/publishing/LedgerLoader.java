package io.chancery.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the source topics from the beginning into the {@link RevisionLedger}, then keeps
 * following them, so that changes written by another replica raise this one's revisions
 * too. The service is not ready until the first pass reached the end offsets seen at
 * start.
 */
@Component
class LedgerLoader implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LedgerLoader.class);

	static final List<Topic> SOURCE_TOPICS = List.of(Topic.ARTICLES, Topic.EVENTS, Topic.SITE_DETAILS);

	private final RevisionLedger ledger;

	private final Map<String, Object> consumerConfig;

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private volatile @Nullable Thread thread;

	LedgerLoader(RevisionLedger ledger, KafkaProperties kafka) {
		this.ledger = ledger;
		// Boot's consumer properties carry the cluster's security settings (TLS, SASL).
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingest-service-ledger");
		// Nobody waits on this reader once it caught up (an owner knows what it wrote; a
		// new owner reads to the end before it writes), so it fetches in batches rather
		// than once per committed transaction, which costs it and the broker per fetch.
		config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1024 * 1024);
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
		this.consumerConfig = config;
	}

	@Override
	public void start() {
		Thread loader = new Thread(this::run, "revision-ledger");
		loader.setDaemon(true);
		this.thread = loader;
		loader.start();
	}

	private void run() {
		long started = System.nanoTime();
		try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(this.consumerConfig,
				new StringDeserializer(), new ByteArrayDeserializer())) {
			this.consumer = kafkaConsumer;
			List<TopicPartition> partitions = partitions(kafkaConsumer);
			kafkaConsumer.assign(partitions);
			kafkaConsumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = kafkaConsumer.endOffsets(partitions, Duration.ofSeconds(30));
			long records = 0;
			while (!Thread.currentThread().isInterrupted()) {
				for (ConsumerRecord<String, byte[]> record : kafkaConsumer.poll(Duration.ofMillis(100))) {
					apply(record);
					records++;
				}
				for (TopicPartition partition : partitions) {
					this.ledger.readUpTo(partition, kafkaConsumer.position(partition));
				}
				if (!this.ledger.isCaughtUp() && reached(kafkaConsumer, ends)) {
					this.ledger.markCaughtUp();
					logger.info("Revision ledger caught up: {} records, {} items, in {} ms", records,
							this.ledger.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
				}
			}
		}
		catch (WakeupException ex) {
			// Stopping.
		}
		catch (RuntimeException ex) {
			logger.error("The revision ledger stopped following Kafka; restarting it", ex);
			if (this.thread == Thread.currentThread()) {
				sleepQuietly();
				run();
			}
		}
	}

	private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
		List<TopicPartition> partitions = new ArrayList<>();
		for (Topic topic : SOURCE_TOPICS) {
			List<PartitionInfo> infos = consumer.partitionsFor(topic.wireName(), Duration.ofSeconds(30));
			for (PartitionInfo info : infos) {
				partitions.add(new TopicPartition(info.topic(), info.partition()));
			}
		}
		return partitions;
	}

	private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue());
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
				this.ledger.accept(TopicKeys.of(type.get().topic(), record.key()), type.get(), revision,
						record.partition(), record.offset(), header(record, Headers.IDEMPOTENCY_KEY),
						header(record, Headers.REQUEST_FINGERPRINT));
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

	private static void sleepQuietly() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		Thread loader = this.thread;
		this.thread = null;
		KafkaConsumer<String, byte[]> kafkaConsumer = this.consumer;
		if (kafkaConsumer != null) {
			kafkaConsumer.wakeup();
		}
		if (loader != null) {
			loader.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

}
