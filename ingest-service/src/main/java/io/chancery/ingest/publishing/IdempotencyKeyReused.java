package io.chancery.ingest.publishing;

/**
 * An idempotency key came back with a different request than the one it was first used
 * for.
 */
public class IdempotencyKeyReused extends RuntimeException {

	IdempotencyKeyReused(String key) {
		super("Idempotency-Key '" + key + "' was already used for a different request");
	}

}
