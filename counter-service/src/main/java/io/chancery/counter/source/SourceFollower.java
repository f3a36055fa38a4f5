package io.chancery.counter.source;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.SiteDetails;
import io.chancery.contracts.Topic;
import io.chancery.contracts.Withdrawal;
import io.chancery.counter.counters.CounterRegistry;
import io.chancery.counter.milestones.MilestoneLedger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads {@code events} and {@code site-details} (committed records only) into the
 * {@link CounterRegistry}, then keeps following them. Readiness is out of service until
 * the first pass reached the end offsets seen at start, so a restarted replica never
 * serves an empty or stale list.
 */
@Component("source")
class SourceFollower implements SmartLifecycle, HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(SourceFollower.class);

	private final CounterRegistry registry;

	private final Map<String, Object> config;

	private volatile long applied;

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private volatile @Nullable Thread thread;

	private final MilestoneLedger milestones;

	private final DeadLetters deadLetters;

	SourceFollower(CounterRegistry registry, MilestoneLedger milestones, KafkaProperties kafka,
			DeadLetters deadLetters) {
		this.registry = registry;
		this.milestones = milestones;
		this.deadLetters = deadLetters;
		// Boot's consumer properties carry the cluster's security settings (TLS, SASL).
		Map<String, Object> consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
		consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
		consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "counter-service-source");
		this.config = consumerConfig;
	}

	@Override
	public Health health() {
		return this.registry.isCaughtUp() ? Health.up().withDetail("applied", this.applied).build()
				: Health.outOfService().withDetail("reason", "reading events and site details").build();
	}

	@Override
	public void start() {
		Thread follower = new Thread(this::run, "counter-source");
		follower.setDaemon(true);
		this.thread = follower;
		follower.start();
	}

	private void run() {
		long started = System.nanoTime();
		try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(this.config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			this.consumer = kafkaConsumer;
			List<TopicPartition> partitions = new ArrayList<>();
			for (Topic topic : List.of(Topic.EVENTS, Topic.SITE_DETAILS, Topic.COUNTER_MILESTONES)) {
				kafkaConsumer.partitionsFor(topic.wireName(), Duration.ofSeconds(60))
					.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			}
			kafkaConsumer.assign(partitions);
			kafkaConsumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = kafkaConsumer.endOffsets(partitions, Duration.ofSeconds(60));
			while (!Thread.currentThread().isInterrupted()) {
				for (ConsumerRecord<String, byte[]> record : kafkaConsumer.poll(Duration.ofMillis(100))) {
					apply(record);
				}
				for (TopicPartition partition : partitions) {
					if (partition.topic().equals(Topic.COUNTER_MILESTONES.wireName())) {
						this.milestones.readUpTo(partition, kafkaConsumer.position(partition));
					}
				}
				if (!this.registry.isCaughtUp() && ends.entrySet()
					.stream()
					.allMatch((end) -> kafkaConsumer.position(end.getKey()) >= end.getValue())) {
					this.registry.markCaughtUp();
					logger.info("Caught up with events and site details: {} records in {} ms", this.applied,
							Duration.ofNanos(System.nanoTime() - started).toMillis());
				}
			}
		}
		catch (WakeupException ex) {
			// Stopping.
		}
		catch (RuntimeException ex) {
			logger.error("Stopped following the source topics; starting again", ex);
			if (this.thread == Thread.currentThread()) {
				run();
			}
		}
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		Optional<EventType> type = Optional.ofNullable(record.headers().lastHeader(EventType.HEADER))
			.map(Header::value)
			.map((value) -> new String(value, StandardCharsets.UTF_8))
			.flatMap(EventType::fromWireName);
		if (type.isEmpty() || record.value() == null) {
			return;
		}
		try {
			switch (type.get()) {
				case EVENT_PUBLISHED ->
					this.registry.apply(MessageJson.mapper().readValue(record.value(), Event.class));
				case EVENT_WITHDRAWN ->
					this.registry.apply(MessageJson.mapper().readValue(record.value(), Withdrawal.class));
				case SITE_DETAILS_UPDATED ->
					this.registry.apply(MessageJson.mapper().readValue(record.value(), SiteDetails.class));
				case COUNTER_MILESTONE_REACHED -> this.milestones.announced(record.key());
				default -> {
				}
			}
			this.applied++;
		}
		catch (RuntimeException ex) {
			logger.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.toString());
			this.deadLetters.send(record, "unreadable " + type.get().wireName() + ": " + ex.getMessage());
		}
	}

	@Override
	public void stop() {
		Thread follower = this.thread;
		this.thread = null;
		KafkaConsumer<String, byte[]> kafkaConsumer = this.consumer;
		if (kafkaConsumer != null) {
			kafkaConsumer.wakeup();
		}
		if (follower != null) {
			follower.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

}
