package io.chancery.kafka;

import java.util.List;
import java.util.Properties;
import java.util.UUID;

import io.chancery.infrastructure.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The shared local Kafka, and a fresh topic per test. */
final class TestKafka {

	private TestKafka() {
	}

	static String bootstrap() {
		return Infrastructure.shared().kafkaBootstrapServers();
	}

	static KafkaProperties properties() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.setBootstrapServers(List.of(bootstrap()));
		return kafka;
	}

	static String newTopic(String prefix, int partitions) {
		String name = prefix + "-" + UUID.randomUUID();
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
		try (Admin admin = Admin.create(config)) {
			admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return name;
	}

}
