package io.chancery.infrastructure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chancery.contracts.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the platform's topics, as {@link Topic} declares them, on a local broker
 * (replication factor 1) or cluster (one replica per node; the brokers' own
 * {@code min.insync.replicas} applies). Existing topics are left as they are. In
 * production the Helm chart declares the same topics as KafkaTopics.
 */
public final class TopicProvisioner {

	private TopicProvisioner() {
	}

	/** Creates every topic that is missing and returns the names it created. */
	public static List<String> provision(String bootstrapServers) {
		return provision(bootstrapServers, 1);
	}

	/**
	 * Creates every topic that is missing, with {@code replicas} replicas of each
	 * partition, and returns the names it created.
	 */
	public static List<String> provision(String bootstrapServers, int replicas) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (Admin admin = Admin.create(config)) {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<NewTopic> missing = Arrays.stream(Topic.values())
				.filter((topic) -> !existing.contains(topic.wireName()))
				.map((topic) -> new NewTopic(topic.wireName(), topic.partitions(), (short) replicas)
					.configs(Map.copyOf(topic.config())))
				.toList();
			for (var result : admin.createTopics(missing).values().entrySet()) {
				try {
					result.getValue().get(30, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new IllegalStateException("Could not create topic " + result.getKey(), ex.getCause());
					}
				}
			}
			return missing.stream().map(NewTopic::name).toList();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not list topics on " + bootstrapServers, ex);
		}
	}

}
