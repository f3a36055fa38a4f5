package io.chancery.counter.source;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.SiteDetails;
import io.chancery.contracts.Topic;
import io.chancery.contracts.Withdrawal;
import io.chancery.counter.counters.CounterRegistry;
import io.chancery.counter.milestones.MilestoneLedger;
import io.chancery.kafka.TopicFollower;
import io.chancery.kafka.WholeTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads {@code events} and {@code site-details} (committed records only) into the
 * {@link CounterRegistry}, then keeps following them. Readiness is out of service until
 * the first pass reached the end offsets seen at start, so a restarted replica never
 * serves an empty or stale list.
 */
@Component("source")
class SourceFollower extends TopicFollower implements HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(SourceFollower.class);

	private static final String MILESTONES = Topic.COUNTER_MILESTONES.wireName();

	private final CounterRegistry registry;

	private final MilestoneLedger milestones;

	private final DeadLetters deadLetters;

	private volatile long applied;

	SourceFollower(CounterRegistry registry, MilestoneLedger milestones, KafkaProperties kafka,
			DeadLetters deadLetters) {
		super("counter-source", WholeTopics.consumerConfig(kafka, "counter-service-source"),
				List.of(Topic.EVENTS.wireName(), Topic.SITE_DETAILS.wireName(), MILESTONES));
		this.registry = registry;
		this.milestones = milestones;
		this.deadLetters = deadLetters;
	}

	@Override
	public Health health() {
		return this.registry.isCaughtUp() ? Health.up().withDetail("applied", this.applied).build()
				: Health.outOfService().withDetail("reason", "reading events and site details").build();
	}

	@Override
	protected void record(ConsumerRecord<String, byte[]> record) {
		apply(record);
	}

	@Override
	protected void readUpTo(TopicPartition partition, long position) {
		if (partition.topic().equals(MILESTONES)) {
			this.milestones.readUpTo(partition, position);
		}
	}

	@Override
	protected void caughtUp(long records, Duration took) {
		this.registry.markCaughtUp();
		logger.info("Caught up with events and site details: {} records in {} ms", this.applied, took.toMillis());
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		Optional<EventType> type = SourceRecords.type(record.headers().lastHeader(EventType.HEADER));
		if (type.isEmpty() || record.value() == null) {
			return;
		}
		Object message;
		try {
			message = SourceRecords.read(type.get(), record.value());
		}
		catch (RuntimeException ex) {
			logger.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.toString());
			this.deadLetters.send(record, SourceRecords.unreadable(type.get(), ex));
			return;
		}
		switch (message) {
			case Event event -> this.registry.apply(event);
			case Withdrawal withdrawal -> this.registry.apply(withdrawal);
			case SiteDetails details -> this.registry.apply(details);
			case null -> {
				if (type.get() == EventType.COUNTER_MILESTONE_REACHED) {
					this.milestones.announced(record.key());
				}
			}
			default -> {
			}
		}
		this.applied++;
	}

}
