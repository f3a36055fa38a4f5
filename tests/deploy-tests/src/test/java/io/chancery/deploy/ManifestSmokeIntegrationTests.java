package io.chancery.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.chancery.infrastructure.Infrastructure;
import io.chancery.infrastructure.Ports;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each service's jar, started with exactly the environment and arguments its rendered
 * Deployment (production values) gives its container, answers 200 on every probe path the
 * manifest names, on the port the manifest names. One service at a time.
 *
 * <p>
 * What cannot work on this machine is replaced, and only that: the Kafka and
 * Elasticsearch endpoints point at the local engines (plain, without TLS or SASL, so the
 * protocol becomes PLAINTEXT and the TLS and SASL material is left out), the trace
 * collector is left out, each container port becomes a free local port, and a value the
 * manifest takes from a Secret is stood in for by the SHA-256 of the Secret's name and
 * key (a well-formed digest where an API key digest is expected).
 */
class ManifestSmokeIntegrationTests {

	/** Variables replaced or left out here, each for the reason above. */
	static final Set<String> LEFT_OUT = Set.of("SPRING_KAFKA_SSL_TRUST_STORE_TYPE",
			"SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
			"SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "SPRING_ELASTICSEARCH_RESTCLIENT_SSL_BUNDLE",
			"SPRING_SSL_BUNDLE_PEM_ELASTICSEARCH_TRUSTSTORE_CERTIFICATE",
			"MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");

	private static final Duration READY_WITHIN = Duration.ofMinutes(3);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "ingest-service", "search-service", "counter-service", "web-gateway" })
	void probesOfTheRenderedDeploymentAnswer200(String service) throws Exception {
		Assumptions.assumeTrue(ServiceConfiguration.jarBuilt(service),
				service + " has no jar yet: run ./mvnw verify (package builds it)");
		Manifests manifests = Chart.production();
		JsonNode container = manifests.container(service);
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (JsonNode port : container.path("ports")) {
			ports.put(port.path("name").asString(), Ports.free());
		}
		Map<String, String> environment = localEnvironment(manifests.environment(service), container, ports);

		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						ServiceConfiguration.jar(service).toString()));
		assertThat(container.has("command")).as("the image's entry point starts the service").isFalse();
		container.path("args").forEach((argument) -> command.add(argument.asString()));
		Path log = Files.createDirectories(Path.of("target", "smoke")).resolve(service + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().clear();
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				JsonNode get = container.path(probe).path("httpGet");
				URI uri = URI
					.create("http://127.0.0.1:" + ports.get(get.path("port").asString()) + get.path("path").asString());
				await(service + " " + probe + " " + get.path("path").asString()).atMost(READY_WITHIN)
					.pollInterval(Duration.ofMillis(500))
					.until(() -> {
						if (!process.isAlive()) {
							throw new AssertionError(service + " exited (" + process.exitValue() + "):\n" + tail(log));
						}
						return status(uri) == 200;
					});
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(40, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	private static Map<String, String> localEnvironment(Map<String, JsonNode> manifest, JsonNode container,
			Map<String, Integer> ports) {
		Infrastructure infrastructure = Infrastructure.shared();
		Map<String, String> containerPorts = new LinkedHashMap<>();
		for (JsonNode port : container.path("ports")) {
			containerPorts.put(port.path("containerPort").asString(),
					Integer.toString(ports.get(port.path("name").asString())));
		}
		Map<String, String> environment = new LinkedHashMap<>();
		manifest.forEach((name, value) -> {
			if (LEFT_OUT.contains(name)) {
				return;
			}
			// The pod's IP (status.podIP) is this machine's loopback here.
			String resolved = value.has("secretKeyRef") ? standIn(value.path("secretKeyRef"))
					: value.has("fieldRef") ? "127.0.0.1" : value.asString();
			environment.put(name, switch (name) {
				case "KAFKA_BOOTSTRAP_SERVERS" -> infrastructure.kafkaBootstrapServers();
				case "ELASTICSEARCH_URIS" -> infrastructure.elasticsearchUrl();
				case "SPRING_KAFKA_SECURITY_PROTOCOL" -> "PLAINTEXT";
				case "PORT", "MANAGEMENT_PORT" -> containerPorts.getOrDefault(resolved, resolved);
				default -> resolved;
			});
		});
		return environment;
	}

	private static String standIn(JsonNode secretKeyRef) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((secretKeyRef.path("name").asString() + "/" + secretKeyRef.path("key").asString())
					.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int status(URI uri) {
		try {
			return this.http
				.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
