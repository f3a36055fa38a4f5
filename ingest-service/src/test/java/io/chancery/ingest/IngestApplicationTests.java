package io.chancery.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service starts against the real engines and answers its operational endpoints:
 * liveness and readiness groups, build info and Prometheus metrics, on the management
 * port only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ChanceryInfrastructureConfiguration.class)
class IngestApplicationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("http://127.0.0.1:${local.management.port}")
	private String base;

	@Value("http://127.0.0.1:${local.server.port}")
	private String api;

	@Test
	void livenessAndReadinessAreUp() throws Exception {
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
		// Readiness may trail liveness while the service catches up with Kafka after a
		// start.
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> readiness = get("/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(readiness.body()).contains("\"status\":\"UP\"");
		});
	}

	@Test
	void infoSaysWhatRuns() throws Exception {
		HttpResponse<String> response = get("/actuator/info");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"artifact\":\"ingest-service\"").contains("\"java\"");
	}

	@Test
	void prometheusMetricsAreExposed() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"ingest-service\"");
	}

	@Test
	void otherActuatorEndpointsAreNotExposed() throws Exception {
		// Not found, or refused before anything is looked up; never served.
		assertThat(get("/actuator/env").statusCode()).isIn(401, 403, 404);
		assertThat(get("/actuator/beans").statusCode()).isIn(401, 403, 404);
	}

	@Test
	void actuatorIsOnlyOnTheManagementPort() throws Exception {
		for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/actuator/info" }) {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.api + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(404);
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
