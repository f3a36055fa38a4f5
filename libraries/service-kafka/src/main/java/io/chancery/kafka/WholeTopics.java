package io.chancery.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The settings of a consumer that reads topics whole: every partition assigned by the
 * reader itself, so no consumer group (nothing to join, nothing committed back, no
 * rebalance), committed records only, and from the oldest record retention kept when a
 * position is out of range. Built on Boot's consumer properties, which carry the
 * cluster's security settings (TLS, SASL).
 */
public final class WholeTopics {

	private WholeTopics() {
	}

	/**
	 * The settings, to which a reader may add its own (batch sizes, fetch waits).
	 * @param kafka Boot's Kafka properties
	 * @param clientId how the broker's logs and metrics name this reader
	 */
	public static Map<String, Object> consumerConfig(KafkaProperties kafka, String clientId) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
		return config;
	}

}
