package io.chancery.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway starts and answers its operational endpoints on the management port:
 * liveness and readiness groups, build info and Prometheus metrics; the public port has
 * only the health paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class GatewayApplicationTests {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(java.time.Duration.ofSeconds(5))
		.build();

	@Value("http://127.0.0.1:${local.management.port}")
	private String base;

	@Value("http://127.0.0.1:${local.server.port}")
	private String publicBase;

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
		assertThat(response.body()).contains("\"artifact\":\"web-gateway\"").contains("\"java\"");
	}

	@Test
	void prometheusMetricsAreExposed() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes").contains("application=\"web-gateway\"");
	}

	@Test
	void otherActuatorEndpointsAreNotExposed() throws Exception {
		// Not found, or refused before anything is looked up; never served.
		assertThat(get("/actuator/env").statusCode()).isIn(401, 403, 404);
		assertThat(get("/actuator/beans").statusCode()).isIn(401, 403, 404);
	}

	@Test
	void onlyHealthIsReachableOnThePublicPort() throws Exception {
		assertThat(send(this.publicBase + "/livez").statusCode()).isEqualTo(200);
		assertThat(send(this.publicBase + "/readyz").statusCode()).isEqualTo(200);
		for (String path : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator/health",
				"/actuator/env" }) {
			assertThat(send(this.publicBase + path).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void aKeptAliveConnectionAnswersEveryRequest() throws Exception {
		// Reactor Netty 1.3.6 could stop reading a kept-alive connection when a request
		// arrived before the previous one's operations had ended (an answer completed off
		// the event loop, as health's does) and the next was answered at once; the
		// client then waited for ever. A few in a thousand requests did, on one
		// connection.
		HttpClient oneConnection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (int i = 0; i < 2_000; i++) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.publicBase + "/livez"))
				.timeout(Duration.ofSeconds(5))
				.build();
			assertThat(oneConnection.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
				.as("request %d", i)
				.isEqualTo(200);
		}
	}

	private HttpResponse<String> send(String uri) throws Exception {
		// A bound, so that an answer that never comes fails the test instead of holding
		// the build (it happened once in CI, on the public port, and not in 4 runs
		// after).
		return this.http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(this.base + path);
	}

}
