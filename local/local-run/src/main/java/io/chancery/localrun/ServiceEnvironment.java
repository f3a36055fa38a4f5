package io.chancery.localrun;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment every service of the local run starts with, named as the chart names
 * it: where Kafka, Elasticsearch and the other services are, the address to listen on,
 * the public URL and the local API keys; then what the run's settings add.
 */
final class ServiceEnvironment {

	private ServiceEnvironment() {
	}

	static Map<String, String> of(Settings settings, String kafkaBootstrapServers, String elasticsearchUris,
			String editorKey, String adminKey) {
		Settings.Ports ports = settings.ports();
		Map<String, String> environment = new LinkedHashMap<>();
		// glibc's per-thread arenas otherwise hold tens of MB in services with many
		// threads.
		environment.put("MALLOC_ARENA_MAX", "2");
		environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
		environment.put("ELASTICSEARCH_URIS", elasticsearchUris);
		environment.put("INGEST_SERVICE_URI", "http://127.0.0.1:" + ports.ingest());
		environment.put("SEARCH_SERVICE_URI", "http://127.0.0.1:" + ports.search());
		environment.put("COUNTER_SERVICE_URI", "http://127.0.0.1:" + ports.counter());
		// Loopback only, as the README says, unless CHANCERY_BIND_ADDRESS names another
		// address (0.0.0.0 for the LAN).
		environment.put("SERVER_ADDRESS", bindAddress());
		environment.put("MANAGEMENT_SERVER_ADDRESS", bindAddress());
		// Absolute links in answers (feeds) point at the gateway, never at a service.
		environment.put("CHANCERY_PUBLIC_URL", "http://127.0.0.1:" + ports.gateway());
		environment.put("CHANCERY_SECURITY_API_KEYS_0_NAME", "local-editor");
		environment.put("CHANCERY_SECURITY_API_KEYS_0_ROLE", "editor");
		environment.put("CHANCERY_SECURITY_API_KEYS_0_SHA256", PlatformHome.sha256(editorKey));
		environment.put("CHANCERY_SECURITY_API_KEYS_1_NAME", "local-admin");
		environment.put("CHANCERY_SECURITY_API_KEYS_1_ROLE", "admin");
		environment.put("CHANCERY_SECURITY_API_KEYS_1_SHA256", PlatformHome.sha256(adminKey));
		environment.putAll(settings.environment());
		return environment;
	}

	/**
	 * The address the services listen on: loopback unless {@code CHANCERY_BIND_ADDRESS}
	 * says otherwise.
	 */
	private static String bindAddress() {
		String address = System.getenv("CHANCERY_BIND_ADDRESS");
		return (address != null && !address.isBlank()) ? address.strip() : "127.0.0.1";
	}

}
