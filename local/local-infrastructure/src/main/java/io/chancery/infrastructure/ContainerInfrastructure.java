package io.chancery.infrastructure;

import io.chancery.contracts.Topic;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka and Elasticsearch from Testcontainers, for machines with a Docker engine: the
 * same versions, the same settings and the same analysis plugin as the local processes.
 */
final class ContainerInfrastructure implements Infrastructure {

	private static final String PLUGIN_IN_CONTAINER = "/tmp/chancery-analysis.zip";

	/**
	 * The image's entry point runs any command other than its own {@code eswrapper} as
	 * given; this one installs the analysis plugin as the image's user, who owns the
	 * distribution, then hands back to the entry point for a normal start. Not run on a
	 * machine without a Docker engine, so exercised only where one exists.
	 */
	private static final String INSTALL_PLUGIN_THEN_START = "/usr/share/elasticsearch/bin/elasticsearch-plugin install --batch file://"
			+ PLUGIN_IN_CONTAINER + " && exec /usr/local/bin/docker-entrypoint.sh eswrapper";

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
					.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
					.withCopyToContainer(Transferable.of(AnalysisPlugin.zip()), PLUGIN_IN_CONTAINER)
					.withCommand("bash", "-c", INSTALL_PLUGIN_THEN_START);
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
