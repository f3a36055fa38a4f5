package io.chancery.search.indexing;

import java.time.Duration;

import io.chancery.contracts.Topic;
import io.chancery.kafka.DeadLetterWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Sends a record that can never be indexed to {@code search-service-dead-letters}
 * ({@link DeadLetterWriter}: unchanged, with where it came from and why in headers), so
 * that the partition keeps flowing and the record can be replayed after a fix. A dead
 * letter that cannot be written yet is retried until it is: the batch's offsets are
 * committed only after.
 */
@Component
class DeadLetters implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);

	private final DeadLetterWriter writer;

	private final Counter sent;

	DeadLetters(KafkaProperties kafka, MeterRegistry meters) {
		this.sent = Counter.builder("chancery.indexing.dead.letters")
			.description("Records that could never be indexed, sent to the dead-letter topic")
			.register(meters);
		this.writer = new DeadLetterWriter(kafka, Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName(),
				"search-service-dead-letters");
	}

	void send(IncomingRecord record, String cause) {
		DeadLetterWriter.Letter letter = new DeadLetterWriter.Letter(
				DeadLetterWriter.origin(record.topic(), record.partition(), record.offset()), record.key(),
				record.value(), record.eventType(), cause);
		Duration backoff = Duration.ofMillis(200);
		while (true) {
			try {
				this.writer.write(letter);
				this.sent.increment();
				logger.warn("Dead-lettered {}: {}", letter.origin(), cause);
				return;
			}
			catch (DeadLetterWriter.NotWritten ex) {
				if (Thread.currentThread().isInterrupted()) {
					throw new IllegalStateException("Interrupted while dead-lettering " + letter.origin(), ex);
				}
				logger.warn("{}; trying again in {} ms", ex.getMessage(), backoff.toMillis());
				try {
					Thread.sleep(backoff.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while dead-lettering " + letter.origin(), interrupted);
				}
				backoff = (backoff.compareTo(LONGEST_BACKOFF) < 0) ? backoff.multipliedBy(2) : backoff;
			}
		}
	}

	@Override
	public void destroy() {
		this.writer.close();
	}

}
