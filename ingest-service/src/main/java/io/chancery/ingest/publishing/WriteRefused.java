package io.chancery.ingest.publishing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The change was not accepted, and nothing is claimed to be stored: Kafka did not
 * acknowledge it in time, too many changes wait for its partition, or no replica owns the
 * partition right now. The message says which, for the client; a retry after
 * {@link #retryAfter()} may succeed.
 */
public class WriteRefused extends RuntimeException {

	private final Duration retryAfter;

	public WriteRefused(String message, Duration retryAfter, @Nullable Throwable cause) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
