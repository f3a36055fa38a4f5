package io.chancery.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service promises an operator of its operational endpoints: liveness and
 * readiness, build info and Prometheus metrics named after the service, nothing else of
 * the actuator, and all of it on the management port only. Each service's
 * {@code *ApplicationTests} starts the service on random ports and extends this.
 */
public abstract class OperationalEndpointsContract {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** {@code http://host:port} of the management port. */
	@Value("http://127.0.0.1:${local.management.port}")
	protected String management;

	/** {@code http://host:port} of the port that serves the API. */
	@Value("http://127.0.0.1:${local.server.port}")
	protected String api;

	/**
	 * The service's name: its {@code spring.application.name}, which its build info must
	 * give as the artifact and its metrics as the application.
	 */
	@Value("${spring.application.name}")
	private String serviceName;

	@Test
	void livenessAndReadinessAreUp() throws Exception {
		HttpResponse<String> liveness = send(this.management + "/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
		// Readiness may trail liveness while the service catches up with Kafka after a
		// start.
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> readiness = send(this.management + "/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(readiness.body()).contains("\"status\":\"UP\"");
		});
	}

	@Test
	void infoSaysWhatRuns() throws Exception {
		HttpResponse<String> response = send(this.management + "/actuator/info");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"artifact\":\"" + this.serviceName + "\"").contains("\"java\"");
	}

	@Test
	void prometheusMetricsAreExposed() throws Exception {
		HttpResponse<String> response = send(this.management + "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes")
			.contains("application=\"" + this.serviceName + "\"");
	}

	@Test
	void requestLatencyIsAHistogram() throws Exception {
		// One request on the API port, whatever its answer, so the timer exists.
		send(this.api + "/actuator/info");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(send(this.management + "/actuator/prometheus").body())
				.contains("http_server_requests_seconds_bucket{"));
	}

	@Test
	void otherActuatorEndpointsAreNotExposed() throws Exception {
		// Not found, or refused before anything is looked up; never served.
		assertThat(send(this.management + "/actuator/env").statusCode()).isIn(401, 403, 404);
		assertThat(send(this.management + "/actuator/beans").statusCode()).isIn(401, 403, 404);
	}

	@Test
	void actuatorIsOnlyOnTheManagementPort() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info")) {
			assertThat(send(this.api + path).statusCode()).as(path).isEqualTo(404);
		}
	}

	/** A GET, answered within ten seconds. */
	protected HttpResponse<String> send(String uri) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
