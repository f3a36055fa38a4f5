package io.chancery.search.web;

/**
 * The service holds as much of a kind of work as it takes at once; 503 with Retry-After.
 */
public class Busy extends RuntimeException {

	private final long retryAfterSeconds;

	public Busy(String message, long retryAfterSeconds) {
		super(message);
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
