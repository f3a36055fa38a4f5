package io.chancery.infrastructure;

/** One node of a {@link KafkaCluster}. */
public interface KafkaClusterNode extends ClusterNode {

	/** The node's id, which is also its broker id. */
	int id();

	/** Its client listener, {@code host:port}. */
	String address();

}
