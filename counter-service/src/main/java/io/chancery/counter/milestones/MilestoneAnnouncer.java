package io.chancery.counter.milestones;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.CounterMilestoneReached;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.counter.counters.CounterRegistry;
import io.chancery.counter.counting.DayCount;
import io.chancery.kafka.FencedWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Announces due milestones. Every replica looks; only the holder of the
 * {@code counter-service-milestones} transactional producer writes, and it takes the
 * producer by fencing the previous holder and reading the topic to its last committed
 * offset first, so a milestone another replica announced is never announced again, and
 * one announced before a restart is known after it.
 */
@Component
class MilestoneAnnouncer implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(MilestoneAnnouncer.class);

	static final String TRANSACTIONAL_ID = "counter-service-milestones";

	private final CounterRegistry registry;

	private final MilestoneLedger ledger;

	private final MilestoneProperties properties;

	private final Clock clock;

	private final Admin admin;

	private final FencedWriter producer;

	private final Counter looks;

	MilestoneAnnouncer(CounterRegistry registry, MilestoneLedger ledger, MilestoneProperties properties, Clock clock,
			KafkaProperties kafka, MeterRegistry meters) {
		this.looks = Counter.builder("chancery.counters.milestone.looks")
			.description("Times this replica compared the counters with what was announced")
			.register(meters);
		this.registry = registry;
		this.ledger = ledger;
		this.properties = properties;
		this.clock = clock;
		Map<String, Object> config = FencedWriter.producerConfig(kafka);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
		this.admin = Admin.create(kafka.buildAdminProperties());
		List<TopicPartition> partitions = new ArrayList<>();
		for (int partition = 0; partition < Topic.COUNTER_MILESTONES.partitions(); partition++) {
			partitions.add(new TopicPartition(Topic.COUNTER_MILESTONES.wireName(), partition));
		}
		this.producer = new FencedWriter(config, TRANSACTIONAL_ID, this.admin, partitions, ledger.positions(),
				Duration.ofSeconds(10));
	}

	@Scheduled(fixedDelayString = "${chancery.milestones.check-interval:1s}", initialDelayString = "1s")
	synchronized void announceDue() {
		if (!this.registry.isCaughtUp()) {
			return;
		}
		this.looks.increment();
		Instant now = this.clock.instant();
		if (due(now).isEmpty()) {
			return;
		}
		try {
			KafkaProducer<String, byte[]> holder = this.producer.acquire();
			List<CounterMilestoneReached> due = due(now);
			if (due.isEmpty()) {
				return;
			}
			holder.beginTransaction();
			for (CounterMilestoneReached milestone : due) {
				ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.COUNTER_MILESTONES.wireName(),
						key(milestone), MessageJson.mapper().writeValueAsBytes(milestone));
				record.headers()
					.add(EventType.HEADER,
							EventType.COUNTER_MILESTONE_REACHED.wireName().getBytes(StandardCharsets.UTF_8));
				holder.send(record);
			}
			holder.commitTransaction();
			due.forEach((milestone) -> this.ledger.announced(key(milestone)));
			logger.info("Announced {}", due.stream().map(MilestoneAnnouncer::key).toList());
		}
		catch (KafkaException ex) {
			// Fenced by another replica, or Kafka unreachable: take the producer again on
			// the next look.
			logger.info("Milestones not announced this time: {}", ex.toString());
			this.producer.release();
		}
	}

	private List<CounterMilestoneReached> due(Instant now) {
		List<CounterMilestoneReached> due = new ArrayList<>();
		for (Event event : this.registry.definitions(now)) {
			CounterDefinition counter = event.counter();
			if (counter == null) {
				continue;
			}
			ZoneId zone = ZoneId.of(counter.timeZone());
			LocalDate today = DayCount.today(now, zone);
			LocalDate earliest = today.minusDays(this.properties.grace().toDays());
			for (Milestones.Milestone milestone : Milestones.reached(event, today, earliest,
					this.properties.defaults())) {
				CounterMilestoneReached reached = new CounterMilestoneReached(event.id(), milestone.name(),
						milestone.days(), milestone.reachedOn(), zone.getId(), now);
				if (!this.ledger.wasAnnounced(key(reached))) {
					due.add(reached);
				}
			}
		}
		return due;
	}

	static String key(CounterMilestoneReached milestone) {
		return milestone.counterId() + ":" + milestone.milestone();
	}

	@Override
	public synchronized void destroy() {
		this.producer.release();
		this.admin.close(Duration.ofSeconds(5));
	}

}
