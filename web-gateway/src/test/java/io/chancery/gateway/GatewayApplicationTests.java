package io.chancery.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.chancery.web.OperationalEndpointsContract;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway starts and answers its operational endpoints on the management port:
 * liveness and readiness groups, build info and Prometheus metrics; the public port has
 * only the health paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class GatewayApplicationTests extends OperationalEndpointsContract {

	@Test
	void thePublicPortHasItsOwnHealthPaths() throws Exception {
		assertThat(send(this.api + "/livez").statusCode()).isEqualTo(200);
		assertThat(send(this.api + "/readyz").statusCode()).isEqualTo(200);
		assertThat(send(this.api + "/actuator/env").statusCode()).isEqualTo(404);
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
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.api + "/livez"))
				.timeout(Duration.ofSeconds(5))
				.build();
			assertThat(oneConnection.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
				.as("request %d", i)
				.isEqualTo(200);
		}
	}

}
