package io.chancery.infrastructure;

import io.chancery.contracts.Topic;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka and Elasticsearch from Testcontainers, for machines with a Docker engine: the
 * same versions and the same settings as the local processes.
 */
final class ContainerInfrastructure implements Infrastructure {

	private final SharedInfrastructure.Lazy<KafkaContainer> kafka = new SharedInfrastructure.Lazy<>(() -> {
		KafkaContainer container = new KafkaContainer(
				"apache/kafka:" + org.apache.kafka.common.utils.AppInfoParser.getVersion())
			.withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
		container.start();
		TopicProvisioner.provision(container.getBootstrapServers());
		return container;
	}, (container) -> {
	});

	private final SharedInfrastructure.Lazy<ElasticsearchContainer> elasticsearch = new SharedInfrastructure.Lazy<>(
			() -> {
				ElasticsearchContainer container = new ElasticsearchContainer(
						"docker.elastic.co/elasticsearch/elasticsearch:" + ElasticsearchDistribution.version())
					.withEnv("xpack.security.enabled", "false")
					.withEnv("action.auto_create_index", "false")
					.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
				container.start();
				return container;
			}, (container) -> {
			});

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.get().getBootstrapServers();
	}

	@Override
	public String elasticsearchUrl() {
		return "http://" + this.elasticsearch.get().getHttpHostAddress();
	}

	@Override
	public String toString() {
		return "Testcontainers (" + Topic.values().length + " topics provisioned on first use)";
	}

}
