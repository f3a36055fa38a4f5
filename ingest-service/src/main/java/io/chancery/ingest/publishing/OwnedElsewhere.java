package io.chancery.ingest.publishing;

import java.net.URI;

import org.apache.kafka.common.TopicPartition;

/**
 * The change belongs to a partition another replica owns; nothing was done here. The web
 * layer passes the request on to that replica.
 */
public class OwnedElsewhere extends RuntimeException {

	private final TopicPartition partition;

	private final URI owner;

	OwnedElsewhere(TopicPartition partition, URI owner) {
		super(partition + " is written by the replica at " + owner, null, false, false);
		this.partition = partition;
		this.owner = owner;
	}

	TopicPartition partition() {
		return this.partition;
	}

	/** The owning replica's base URL. */
	public URI owner() {
		return this.owner;
	}

}
