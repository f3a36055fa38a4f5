package io.chancery.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one client may hold: a few event streams at once (another is 429 until one
 * closes), and cursors and exports started at a bounded rate; other reads are not
 * affected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "chancery.limits.streams-per-client=2",
				"chancery.limits.cursors-per-minute=3", "chancery.limits.exports-per-minute=2" })
class StreamAndCursorLimitTests {

	@RegisterExtension
	private static final Upstream counter = new Upstream("counter-service").stream("/api/v1/counters/stream");

	@RegisterExtension
	private static final Upstream search = new Upstream("search-service")
		.answer("/api/v1/search", "{\"total\":0,\"results\":[]}")
		.answer("/api/v1/search/export", "{}");

	@Value("http://127.0.0.1:${local.server.port}")
	private String base;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("chancery.upstreams.counter", counter::uri);
		registry.add("chancery.upstreams.search", search::uri);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/stream", "/api/v1/counters/stream" })
	void aClientHoldsAtMostItsStreamsAndGetsAnotherOnceOneCloses(String path) throws Exception {
		HttpRequest stream = HttpRequest.newBuilder(URI.create(this.base + path + "?locale=en")).build();
		// The stand-in notices a stream is gone only when it next writes to it.
		int before = counter.subscribers("/api/v1/counters/stream");
		List<HttpResponse<Stream<String>>> open = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			// Streams a run before this one closed are released as the gateway notices.
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				HttpResponse<Stream<String>> response = this.http.send(stream, HttpResponse.BodyHandlers.ofLines());
				assertThat(response.statusCode()).isEqualTo(200);
				open.add(response);
			});
		}
		await().untilAsserted(() -> assertThat(counter.subscribers("/api/v1/counters/stream")).isEqualTo(before + 2));
		HttpResponse<String> third = this.http.send(stream, HttpResponse.BodyHandlers.ofString());
		assertThat(third.statusCode()).isEqualTo(429);
		assertThat(third.headers().firstValue("Retry-After")).hasValue("30");
		assertThat(third.body()).contains("event streams open");

		open.getFirst().body().close();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			CompletableFuture<HttpResponse<Stream<String>>> again = this.http.sendAsync(stream,
					HttpResponse.BodyHandlers.ofLines());
			HttpResponse<Stream<String>> response = again.get();
			assertThat(response.statusCode()).isEqualTo(200);
			open.add(response);
		});
		open.forEach((response) -> response.body().close());
	}

	@Test
	void exportsAreStartedAtABoundedRate() throws Exception {
		HttpRequest export = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search/export?q=x")).build();
		for (int i = 0; i < 2; i++) {
			assertThat(this.http.send(export, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> third = this.http.send(export, HttpResponse.BodyHandlers.ofString());
		assertThat(third.statusCode()).isEqualTo(429);
		assertThat(third.headers().firstValue("Retry-After")).isPresent();
		assertThat(third.body()).contains("exports");
	}

	@Test
	void cursorsAreOpenedAtABoundedRate() throws Exception {
		HttpRequest cursor = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search?q=x&paging=cursor")).build();
		for (int i = 0; i < 3; i++) {
			assertThat(this.http.send(cursor, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> fourth = this.http.send(cursor, HttpResponse.BodyHandlers.ofString());
		assertThat(fourth.statusCode()).isEqualTo(429);
		assertThat(fourth.body()).contains("cursors");
		// The parameter's name encoded is the same parameter to search-service.
		HttpRequest encoded = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search?q=x&pa%67ing=cursor"))
			.build();
		assertThat(this.http.send(encoded, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(429);
		// A plain search is another budget.
		assertThat(this.http
			.send(HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search?q=x")).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(200);
	}

}
