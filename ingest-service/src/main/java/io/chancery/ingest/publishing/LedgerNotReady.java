package io.chancery.ingest.publishing;

/**
 * The ledger is still reading the topics after a start; writes wait for it so that
 * revisions never go back.
 */
public class LedgerNotReady extends RuntimeException {

	LedgerNotReady() {
		super("The service is catching up with Kafka after a start; retry shortly");
	}

}
