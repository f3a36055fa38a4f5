package io.chancery.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway passes on at most its bound of content writes at once: the next is refused
 * at once with 503 and Retry-After, without reaching ingest-service, while reads and
 * imports go on; a place is given back when its write is answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"chancery.limits.concurrent-writes=2", "chancery.security.api-keys[0].name=editor-bot",
		"chancery.security.api-keys[0].role=editor",
		"chancery.security.api-keys[0].sha256=0ee0236fa1df97bcc4629f2df81dfa0b0eeab9f90538e4731df78de94f34e4b2" })
class WriteAdmissionTests {

	private static final Duration SLOW = Duration.ofSeconds(3);

	@RegisterExtension
	private static final Upstream ingest = new Upstream("ingest-service");

	@RegisterExtension
	private static final Upstream search = new Upstream("search-service");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Value("http://127.0.0.1:${local.server.port}")
	private String base;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("chancery.upstreams.ingest", ingest::uri);
		registry.add("chancery.upstreams.search", search::uri);
	}

	@Test
	void writesPastTheBoundAreRefusedAtOnceAndTheirPlacesComeBack() throws Exception {
		ingest.slow(SLOW);
		List<CompletableFuture<HttpResponse<String>>> admitted = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			admitted
				.add(this.http.sendAsync(write("/api/v1/articles", "held-" + i), HttpResponse.BodyHandlers.ofString()));
		}
		awaitReceived(2);
		for (String path : new String[] { "/api/v1/articles", "/api/v1/events", "/api/v1/site/en" }) {
			long started = System.nanoTime();
			HttpResponse<String> refused = this.http.send(write(path, "refused"), HttpResponse.BodyHandlers.ofString());
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(refused.statusCode()).as(path).isEqualTo(503);
			assertThat(took).as(path).isLessThan(Duration.ofSeconds(1));
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.body()).contains("\"retryAfterSeconds\":1").contains("Nothing was stored");
		}
		// Reads are not writes: they pass while both places are taken.
		HttpResponse<String> read = this.http.send(
				HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search?q=x")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(ingest.received()).hasSize(2);
		for (CompletableFuture<HttpResponse<String>> answer : admitted) {
			assertThat(answer.get().statusCode()).isEqualTo(200);
		}
		ingest.slow(Duration.ZERO);
		HttpResponse<String> after = this.http.send(write("/api/v1/articles", "after"),
				HttpResponse.BodyHandlers.ofString());
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(ingest.received()).hasSize(3);
	}

	private HttpRequest write(String path, String id) {
		String body = "{\"id\":\"" + id + "\"}";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("X-Api-Key", GatewayIntegrationTests.EDITOR_KEY)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10));
		return path.startsWith("/api/v1/site") ? request.PUT(HttpRequest.BodyPublishers.ofString(body)).build()
				: request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private static void awaitReceived(int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (ingest.received().size() < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(ingest.received()).hasSize(count);
	}

}
