package io.chancery.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real Kafka: a follower reads every committed record from the first, says once when
 * it reached the ends seen at start, keeps following what comes after, never sees an
 * aborted transaction, and stops when told.
 */
class TopicFollowerIntegrationTests {

	@Test
	void readsFromTheFirstRecordSaysWhenCaughtUpAndKeepsFollowing() throws Exception {
		String topic = TestKafka.newTopic("follower", 2);
		try (KafkaProducer<String, String> producer = transactional()) {
			for (int i = 0; i < 6; i++) {
				commit(producer, new ProducerRecord<>(topic, i % 2, "before-" + i, "v" + i));
			}
			abort(producer, new ProducerRecord<>(topic, 0, "aborted", "never"));
			Seen seen = new Seen(topic);
			assertThat(seen.isCaughtUp()).isFalse();
			seen.start();
			try {
				await().atMost(Duration.ofSeconds(30)).until(() -> seen.caughtUpAfter.get() >= 0);
				assertThat(seen.isCaughtUp()).isTrue();
				assertThat(seen.caughtUpAfter.get()).isEqualTo(6);
				assertThat(seen.keys()).containsExactlyInAnyOrder("before-0", "before-1", "before-2", "before-3",
						"before-4", "before-5");
				// Each partition is past its three committed records and the abort's
				// markers.
				assertThat(seen.positions.get(new TopicPartition(topic, 1))).isGreaterThanOrEqualTo(3);
				assertThat(seen.positions.get(new TopicPartition(topic, 0))).isGreaterThanOrEqualTo(5);
				commit(producer, new ProducerRecord<>(topic, 1, "after", "later"));
				await().atMost(Duration.ofSeconds(30)).until(() -> seen.keys().contains("after"));
				assertThat(seen.keys()).doesNotContain("aborted");
				assertThat(seen.caughtUpCalls.get()).isEqualTo(1);
			}
			finally {
				seen.stop();
			}
			// stop() returns once the thread has ended: nothing read after it.
			assertThat(seen.isRunning()).isFalse();
			int before = seen.keys().size();
			commit(producer, new ProducerRecord<>(topic, 0, "stopped", "unseen"));
			assertThat(seen.threadsAlive()).isZero();
			assertThat(seen.keys()).hasSize(before).doesNotContain("stopped");
		}
	}

	@Test
	void emptyTopicsAreCaughtUpAtOnce() {
		String topic = TestKafka.newTopic("follower", 3);
		Seen seen = new Seen(topic);
		seen.start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(seen::isCaughtUp);
			assertThat(seen.caughtUpAfter.get()).isZero();
		}
		finally {
			seen.stop();
		}
	}

	private static Map<String, Object> config() {
		return WholeTopics.consumerConfig(TestKafka.properties(), "test-follower");
	}

	private static KafkaProducer<String, String> transactional() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrap());
		config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "follower-test-" + UUID.randomUUID());
		KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer());
		producer.initTransactions();
		return producer;
	}

	private static void commit(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
		producer.beginTransaction();
		producer.send(record);
		producer.commitTransaction();
	}

	private static void abort(KafkaProducer<String, String> producer, ProducerRecord<String, String> record)
			throws Exception {
		producer.beginTransaction();
		producer.send(record).get();
		producer.abortTransaction();
	}

	private static final class Seen extends TopicFollower {

		private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();

		private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

		private final AtomicLong caughtUpAfter = new AtomicLong(-1);

		private final AtomicLong caughtUpCalls = new AtomicLong();

		private final String threadName;

		Seen(String topic) {
			super("follower-of-" + topic, config(), List.of(topic));
			this.threadName = "follower-of-" + topic;
		}

		@Override
		protected void record(ConsumerRecord<String, byte[]> record) {
			assertThat(new String(record.value(), StandardCharsets.UTF_8)).isNotEqualTo("never");
			this.records.add(record);
		}

		@Override
		protected void readUpTo(TopicPartition partition, long position) {
			this.positions.put(partition, position);
		}

		@Override
		protected void caughtUp(long records, Duration took) {
			this.caughtUpCalls.incrementAndGet();
			this.caughtUpAfter.set(records);
		}

		/** Threads named as this follower's that are still running. */
		long threadsAlive() {
			return Thread.getAllStackTraces()
				.keySet()
				.stream()
				.filter((each) -> each.getName().equals(this.threadName) && each.isAlive())
				.count();
		}

		List<String> keys() {
			return this.records.stream().map(ConsumerRecord::key).toList();
		}

	}

}
