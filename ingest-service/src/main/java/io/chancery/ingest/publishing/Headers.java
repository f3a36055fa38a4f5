package io.chancery.ingest.publishing;

/**
 * Headers ingest-service adds to what it publishes, beside the contracts'
 * {@code event-type}.
 */
final class Headers {

	/**
	 * The client's Idempotency-Key, so that a retry after a restart still finds the
	 * original change.
	 */
	static final String IDEMPOTENCY_KEY = "idempotency-key";

	/** A digest of the request that made the change. */
	static final String REQUEST_FINGERPRINT = "request-fingerprint";

	private Headers() {
	}

}
