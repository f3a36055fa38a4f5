package io.chancery.ingest.publishing;

import java.time.Duration;

/** Kafka did not acknowledge the write in time; nothing is claimed to be stored. */
public class KafkaUnavailable extends RuntimeException {

	private final Duration retryAfter;

	KafkaUnavailable(String message, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
