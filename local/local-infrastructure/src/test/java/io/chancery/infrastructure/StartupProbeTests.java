package io.chancery.infrastructure;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupProbeTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void waitsUntilTheAnswerIsTheOneWanted() throws Exception {
		AtomicInteger asked = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			exchange.sendResponseHeaders((asked.incrementAndGet() < 3) ? 503 : 200, -1);
			exchange.close();
		});
		server.start();
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ready"))
				.build();
			assertThat(StartupProbe.await(this.client, request, (status) -> status == 200, () -> true,
					Duration.ofSeconds(10), Duration.ofMillis(10)))
				.isEqualTo(StartupProbe.Outcome.READY);
			assertThat(asked).hasValue(3);
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void aProcessThatExitsOrNeverListensEndsTheWait() {
		HttpRequest nobody = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Ports.free() + "/")).build();
		assertThat(StartupProbe.await(this.client, nobody, (status) -> true, () -> false, Duration.ofSeconds(10),
				Duration.ofMillis(10)))
			.isEqualTo(StartupProbe.Outcome.EXITED);
		assertThat(StartupProbe.await(this.client, nobody, (status) -> true, () -> true, Duration.ofMillis(100),
				Duration.ofMillis(10)))
			.isEqualTo(StartupProbe.Outcome.TIMED_OUT);
	}

}
