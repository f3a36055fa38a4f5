package io.chancery.contracts;

import java.net.URI;
import java.util.Optional;

/**
 * Which ingest-service replica writes a source partition, as the replica says on the
 * answer to a change it wrote: {@code Chancery-Partition-Owner: articles 2/3
 * http://10.0.0.7:8081}. The gateway learns from these answers where to send the next
 * change of an item of that partition, so a change reaches its writer in one hop instead
 * of being passed on by whichever replica received it. A hint, never a promise: a replica
 * that no longer owns the partition passes the change on, and its answer carries the new
 * owner.
 *
 * @param topic the topic's wire name
 * @param partition the partition
 * @param partitions how many partitions the topic has, which the key's partition depends
 * on
 * @param owner the replica's base URL
 */
public record PartitionOwner(String topic, int partition, int partitions, URI owner) {

	/** The answer header. Internal: the gateway removes it before answering outside. */
	public static final String HEADER = "Chancery-Partition-Owner";

	public PartitionOwner {
		if (partition < 0 || partitions <= partition) {
			throw new IllegalArgumentException("Partition " + partition + " of " + partitions);
		}
	}

	/** The header's value. */
	public String header() {
		return this.topic + " " + this.partition + "/" + this.partitions + " " + this.owner;
	}

	/**
	 * Reads a header's value; empty for anything else than what {@link #header()} writes
	 * with an http or https URL.
	 */
	public static Optional<PartitionOwner> parse(String value) {
		String[] parts = value.trim().split(" ");
		if (parts.length != 3) {
			return Optional.empty();
		}
		int slash = parts[1].indexOf('/');
		try {
			URI owner = URI.create(parts[2]);
			if (slash < 1 || owner.getHost() == null
					|| !("http".equals(owner.getScheme()) || "https".equals(owner.getScheme()))) {
				return Optional.empty();
			}
			return Optional.of(new PartitionOwner(parts[0], Integer.parseInt(parts[1], 0, slash, 10),
					Integer.parseInt(parts[1], slash + 1, parts[1].length(), 10), owner));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
