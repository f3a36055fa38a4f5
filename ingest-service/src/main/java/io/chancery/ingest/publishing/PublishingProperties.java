package io.chancery.ingest.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a write may wait, and how the replicas share the partitions.
 *
 * @param acknowledgementTimeout the longest a write waits for Kafka to commit it; past it
 * the answer is 503. With {@code queueTimeout} it bounds the whole wait: the gateway's
 * timeout must be above their sum
 * @param retryAfter what a 503 answer's Retry-After says
 * @param queueCapacity the most single changes that wait for one partition; one more is
 * refused at once
 * @param queueTimeout the longest a single change waits for its partition's writer before
 * it is refused
 * @param concurrentWrites the most single writes this replica works on at once (reading,
 * validating, waiting for Kafka); one more is refused at once with a 503, so that under
 * overload the writes it takes stay fast instead of every write slowing down together.
 * Writes passed on by another replica, which already admitted them, and imports do not
 * count
 * @param ownership how the replicas share the partitions
 */
@ConfigurationProperties("chancery.publishing")
record PublishingProperties(@DefaultValue("1500ms") Duration acknowledgementTimeout,
		@DefaultValue("1s") Duration retryAfter, @DefaultValue("256") int queueCapacity,
		@DefaultValue("500ms") Duration queueTimeout, @DefaultValue("64") int concurrentWrites,
		@DefaultValue Ownership ownership) {

	/**
	 * The consumer group through which Kafka gives each source partition to one replica.
	 *
	 * @param group the group's id; every replica of one deployment uses the same
	 * @param advertisedHost the address at which the other replicas reach this one's API
	 * port (in Kubernetes the pod's IP, {@code POD_IP})
	 * @param sessionTimeout how long a replica that stopped answering (killed,
	 * partitioned) keeps its partitions
	 * @param heartbeatInterval how often a replica tells Kafka it is alive, and so how
	 * soon it hears of a handover
	 * @param ownerWait the longest a write waits for its partition to have an owner while
	 * ownership moves
	 */
	record Ownership(@DefaultValue("ingest-service-writers") String group,
			@DefaultValue("127.0.0.1") String advertisedHost, @DefaultValue("10s") Duration sessionTimeout,
			@DefaultValue("500ms") Duration heartbeatInterval, @DefaultValue("1s") Duration ownerWait) {
	}

}
