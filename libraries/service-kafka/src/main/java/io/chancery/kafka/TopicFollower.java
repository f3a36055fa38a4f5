package io.chancery.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Reads topics from their first record and keeps following them, on a thread of its own,
 * for a service that holds its state in memory and builds it from the topics at every
 * start (ingest-service's revision ledger, counter-service's counters). Every partition
 * is assigned (see {@link WholeTopics}); a subclass gets the records in order per
 * partition ({@link #record}), then where each partition has been read up to, after every
 * poll ({@link #readUpTo}); and once, the moment every partition has reached the end it
 * had when the follower started ({@link #caughtUp}): from then on the state is as new as
 * the topics were at start, which is what readiness waits for. A failure closes the
 * consumer and reads again from the beginning after a second; the subclass sees those
 * records again, so what it does with one must be idempotent. As a bean it starts and
 * stops with the application context.
 */
public abstract class TopicFollower implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TopicFollower.class);

	private static final Duration POLL = Duration.ofMillis(100);

	private static final Duration METADATA = Duration.ofSeconds(60);

	private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

	private static final long STOPPING_MILLIS = 10_000;

	private final String name;

	private final Map<String, Object> config;

	private final List<String> topics;

	private volatile @Nullable KafkaConsumer<String, byte[]> consumer;

	private volatile @Nullable Thread thread;

	private volatile boolean caughtUp;

	/**
	 * A follower, not yet started.
	 * @param name the thread's name
	 * @param config the consumer's settings, from {@link WholeTopics#consumerConfig}
	 * @param topics the topics, read in full
	 */
	protected TopicFollower(String name, Map<String, Object> config, List<String> topics) {
		this.name = name;
		this.config = Map.copyOf(config);
		this.topics = List.copyOf(topics);
	}

	/** One committed record; called on the follower's thread. */
	protected abstract void record(ConsumerRecord<String, byte[]> record);

	/**
	 * After each poll: every record of {@code partition} below {@code position} has been
	 * passed to {@link #record}.
	 */
	protected void readUpTo(TopicPartition partition, long position) {
	}

	/**
	 * Once: every partition has reached the end it had when the follower started.
	 * @param records how many records were read until then
	 * @param took how long it took
	 */
	protected abstract void caughtUp(long records, Duration took);

	/** Starts following; records arrive from here on. */
	@Override
	public synchronized void start() {
		if (this.thread != null) {
			return;
		}
		Thread follower = new Thread(this::follow, this.name);
		follower.setDaemon(true);
		this.thread = follower;
		follower.start();
	}

	/**
	 * Stops following and waits for the thread to end (at most {@value #STOPPING_MILLIS}
	 * ms): once this returns, no record reaches the subclass.
	 */
	@Override
	public void stop() {
		Thread follower;
		synchronized (this) {
			follower = this.thread;
			this.thread = null;
			KafkaConsumer<String, byte[]> current = this.consumer;
			if (current != null) {
				current.wakeup();
			}
			if (follower != null) {
				follower.interrupt();
			}
		}
		if (follower != null && follower != Thread.currentThread()) {
			try {
				follower.join(STOPPING_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	/** Whether every partition has reached the end it had when the follower started. */
	public boolean isCaughtUp() {
		return this.caughtUp;
	}

	private void follow() {
		while (this.thread == Thread.currentThread()) {
			try {
				readFromTheBeginning();
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (this.thread != Thread.currentThread()) {
					return;
				}
				logger.error("{} stopped following {}; reading them again from the beginning", this.name, this.topics,
						ex);
				try {
					Thread.sleep(AFTER_FAILURE.toMillis());
				}
				catch (InterruptedException interrupted) {
					return;
				}
			}
		}
	}

	private void readFromTheBeginning() {
		long started = System.nanoTime();
		try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(this.config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			this.consumer = kafka;
			if (this.thread != Thread.currentThread()) {
				// Stopped before the consumer could be woken.
				return;
			}
			List<TopicPartition> partitions = new ArrayList<>();
			for (String topic : this.topics) {
				kafka.partitionsFor(topic, METADATA)
					.forEach((info) -> partitions.add(new TopicPartition(info.topic(), info.partition())));
			}
			kafka.assign(partitions);
			kafka.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, METADATA);
			long records = 0;
			while (!Thread.currentThread().isInterrupted()) {
				for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
					record(record);
					records++;
				}
				for (TopicPartition partition : partitions) {
					readUpTo(partition, kafka.position(partition));
				}
				if (!this.caughtUp && reached(kafka, ends)) {
					this.caughtUp = true;
					caughtUp(records, Duration.ofNanos(System.nanoTime() - started));
				}
			}
		}
		finally {
			this.consumer = null;
		}
	}

	private static boolean reached(KafkaConsumer<String, byte[]> kafka, Map<TopicPartition, Long> ends) {
		return ends.entrySet().stream().allMatch((end) -> kafka.position(end.getKey()) >= end.getValue());
	}

}
