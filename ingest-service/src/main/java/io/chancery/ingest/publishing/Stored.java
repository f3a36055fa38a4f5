package io.chancery.ingest.publishing;

import io.chancery.contracts.EventType;
import io.chancery.contracts.Withdrawal;

/**
 * An item's latest accepted change as Kafka holds it.
 *
 * @param message the record's value
 * @param type its event type: a withdrawal for good, or a version of the item
 * @param revision its revision, the one a change based on it expects
 */
public record Stored(byte[] message, EventType type, long revision) {

	/** Whether the item was withdrawn for good by this change. */
	public boolean isWithdrawal() {
		return this.type.payloadType() == Withdrawal.class;
	}

}
