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

	/**
	 * The item's latest major change as JSON, which the message carries too: read with
	 * the other headers when the ledger is rebuilt, without reading the messages.
	 */
	static final String MAJOR_CHANGE = "major-change";

	/** Present, {@code true}, on a draft's record: read with the other headers too. */
	static final String DRAFT = "draft";

	private Headers() {
	}

}
