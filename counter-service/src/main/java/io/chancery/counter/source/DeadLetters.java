package io.chancery.counter.source;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.chancery.contracts.Topic;
import io.chancery.kafka.DeadLetterWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Sends a source record this service cannot read to {@code counter-service-dead-letters}
 * ({@link DeadLetterWriter}). This service reads its topics from the start at every
 * start, so it meets the same unreadable record again each time: a record whose origin is
 * already in the dead-letter topic is not sent twice, and one Kafka did not take is
 * skipped and tried again at the next start.
 */
@Component
class DeadLetters implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	private final DeadLetterWriter writer;

	private final Counter sent;

	private volatile @Nullable Set<String> known;

	DeadLetters(KafkaProperties kafka, MeterRegistry meters) {
		this.writer = new DeadLetterWriter(kafka, Topic.COUNTER_SERVICE_DEAD_LETTERS.wireName(),
				"counter-service-dead-letters");
		this.sent = Counter.builder("chancery.counters.dead.letters")
			.description("Source records counter-service could not read, sent to its dead-letter topic")
			.register(meters);
	}

	void send(ConsumerRecord<String, byte[]> record, String cause) {
		String origin = DeadLetterWriter.origin(record.topic(), record.partition(), record.offset());
		Set<String> origins = known();
		if (origins.contains(origin)) {
			return;
		}
		try {
			this.writer.write(record, cause);
			origins.add(origin);
			this.sent.increment();
			logger.warn("Dead-lettered {}: {}", origin, cause);
		}
		catch (DeadLetterWriter.NotWritten ex) {
			// The record is skipped either way; the next start tries again.
			logger.warn("{} ({})", ex.getMessage(), cause);
		}
	}

	/** The origins already dead-lettered, read once from the topic. */
	private Set<String> known() {
		Set<String> origins = this.known;
		if (origins == null) {
			origins = ConcurrentHashMap.newKeySet();
			origins.addAll(this.writer.origins());
			this.known = origins;
		}
		return origins;
	}

	@Override
	public void destroy() {
		this.writer.close();
	}

}
