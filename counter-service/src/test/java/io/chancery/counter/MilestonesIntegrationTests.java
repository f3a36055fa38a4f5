package io.chancery.counter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.chancery.contracts.ContentKey;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import io.chancery.infrastructure.Infrastructure;
import io.chancery.kafka.TopicContents;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With two replicas looking at the same counters, each due milestone is announced once; a
 * restart announces nothing again; milestones older than the grace period are never
 * announced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(ChanceryInfrastructureConfiguration.class)
class MilestonesIntegrationTests {

	@Autowired
	private MeterRegistry meters;

	@Test
	void eachMilestoneIsAnnouncedExactlyOnceAcrossReplicasAndRestarts() throws Exception {
		String bootstrap = Infrastructure.shared().kafkaBootstrapServers();
		String run = "ms-" + UUID.randomUUID().toString().substring(0, 8);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		try (ConfigurableApplicationContext replica = start(bootstrap)) {
			publish(event(run + "-days", today.minusDays(100), List.of(100), false));
			publish(event(run + "-year", today.minusYears(1), List.of(), true));
			publish(event(run + "-old", today.minusDays(1030), List.of(1000), false));

			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(announced(bootstrap, run)).contains(run + "-days:days-100",
						run + "-year:anniversary-1"));
			// Both replicas keep looking: had either announced a milestone again, it
			// would have in the looks after the first announcement.
			awaitMoreLooks(this.meters, 3);
			awaitMoreLooks(replica.getBean(MeterRegistry.class), 10);
		}
		try (ConfigurableApplicationContext restarted = start(bootstrap)) {
			// A restarted replica reads what was announced before it looks.
			awaitMoreLooks(restarted.getBean(MeterRegistry.class), 10);
		}
		assertThat(announced(bootstrap, run)).containsExactlyInAnyOrder(run + "-days:days-100",
				run + "-year:anniversary-1");
	}

	/**
	 * Waits until a replica has compared the counters with the announcements more times.
	 */
	private static void awaitMoreLooks(MeterRegistry meters, int more) {
		double before = looks(meters);
		await().atMost(Duration.ofSeconds(60)).until(() -> looks(meters) >= before + more);
	}

	private static double looks(MeterRegistry meters) {
		io.micrometer.core.instrument.Counter looks = meters.find("chancery.counters.milestone.looks").counter();
		return (looks != null) ? looks.count() : 0;
	}

	private static ConfigurableApplicationContext start(String bootstrap) {
		return new SpringApplicationBuilder(CounterApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + bootstrap, "--chancery.milestones.check-interval=200ms");
	}

	private static Event event(String id, LocalDate date, List<Integer> milestones, boolean anniversaries) {
		return new Event(id, "en", 1, ContentStatus.PUBLISHED, date, "UTC", "Event " + id, null, null,
				new CounterDefinition("days since " + id, "UTC", CounterDefinition.Direction.SINCE, null, null,
						milestones, anniversaries),
				null, null, Instant.now());
	}

	private static void publish(Event event) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafkaBootstrapServers()),
				new StringSerializer(), new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topic.EVENTS.wireName(),
					ContentKey.of(event.id(), event.locale()), MessageJson.mapper().writeValueAsBytes(event));
			record.headers()
				.add(EventType.HEADER, EventType.EVENT_PUBLISHED.wireName().getBytes(StandardCharsets.UTF_8));
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * Every committed announcement whose key starts with the run's prefix, duplicates
	 * included.
	 */
	private static List<String> announced(String bootstrap, String prefix) {
		return TopicContents.read(bootstrap, Topic.COUNTER_MILESTONES.wireName())
			.stream()
			.map(ConsumerRecord::key)
			.filter((key) -> key.startsWith(prefix))
			.toList();
	}

}
