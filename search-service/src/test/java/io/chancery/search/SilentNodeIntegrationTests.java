package io.chancery.search;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.chancery.infrastructure.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One of the service's Elasticsearch nodes stops answering without closing its
 * connections, as a paused process does (the storm drill pauses one): reads are still
 * answered, within the gateway's read timeout, because the client gives a silent node the
 * service's socket timeout (3 s) rather than its own 30 s, then sets it aside and asks
 * the next. The silent node is a socket that accepts and never answers, listed first
 * beside the tests' Elasticsearch.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.cloud.stream.bindings.indexContent-in-0.group=search-service-silent-node-test")
@DirtiesContext
class SilentNodeIntegrationTests {

	private static final List<Socket> accepted = new CopyOnWriteArrayList<>();

	private static final ServerSocket silent = listen();

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.shared().kafkaBootstrapServers());
		registry.add("spring.elasticsearch.uris",
				() -> "http://127.0.0.1:" + silent.getLocalPort() + "," + Infrastructure.shared().elasticsearchUrl());
	}

	@LocalServerPort
	private int port;

	@Test
	void readsAreAnsweredWhileANodeIsSilent() throws Exception {
		try (Content content = new Content(this.port)) {
			long slowest = 0;
			for (int i = 0; i < 6; i++) {
				long started = System.nanoTime();
				HttpResponse<String> search = content.send("/api/v1/search?q=silent");
				assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
				slowest = Math.max(slowest, System.nanoTime() - started);
			}
			assertThat(accepted).as("connections the silent node took").isNotEmpty();
			assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofMillis(3900));
		}
	}

	private static ServerSocket listen() {
		try {
			ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread.ofVirtual().start(() -> {
				while (!socket.isClosed()) {
					try {
						accepted.add(socket.accept());
					}
					catch (IOException ex) {
						// Closed.
					}
				}
			});
			return socket;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void close() throws IOException {
		silent.close();
		for (Socket socket : accepted) {
			socket.close();
		}
	}

}
