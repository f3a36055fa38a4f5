package io.chancery.infrastructure;

/**
 * A running Kafka broker and Elasticsearch server. Each is started on first use, so a
 * service whose tests never ask for Elasticsearch never waits for it.
 */
public interface Infrastructure {

	/**
	 * Bootstrap servers of a broker on which every {@link io.chancery.contracts.Topic}
	 * exists.
	 */
	String kafkaBootstrapServers();

	/** Base URL of an Elasticsearch server, for example {@code http://127.0.0.1:9200}. */
	String elasticsearchUrl();

	/**
	 * The one instance of this JVM: Testcontainers where a Docker engine answers, local
	 * processes otherwise. {@code CHANCERY_INFRASTRUCTURE=local} or {@code containers}
	 * forces one. Stopped when the JVM exits.
	 */
	static Infrastructure shared() {
		return SharedInfrastructure.instance();
	}

}
