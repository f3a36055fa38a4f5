package io.chancery.infrastructure;

/** One node of an {@link ElasticsearchCluster}. */
public interface ElasticsearchClusterNode extends ClusterNode {

	/** Its HTTP address. */
	String url();

	/** Whether it holds shards (else it is the tiebreaker). */
	boolean holdsData();

}
