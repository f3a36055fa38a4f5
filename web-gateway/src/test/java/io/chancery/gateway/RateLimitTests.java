package io.chancery.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client over its limit gets 429 with Retry-After, whatever forwarded addresses it
 * sends; another client is unaffected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"chancery.limits.reads-per-minute=5", "chancery.limits.trusted-proxies=10.0.0.0/8",
		"chancery.security.api-keys[0].name=editor-bot", "chancery.security.api-keys[0].role=editor",
		"chancery.security.api-keys[0].sha256=0ee0236fa1df97bcc4629f2df81dfa0b0eeab9f90538e4731df78de94f34e4b2" })
class RateLimitTests {

	@RegisterExtension
	private static final Upstream search = new Upstream("search-service");

	@Value("http://127.0.0.1:${local.server.port}")
	private String base;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("chancery.upstreams.search", search::uri);
	}

	@Test
	void aClientOverItsLimitGets429WithRetryAfter() throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(java.time.Duration.ofSeconds(5))
			.build();
		HttpRequest anonymous = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search?q=x")).build();
		for (int i = 0; i < 5; i++) {
			assertThat(http.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> limited = http.send(anonymous, HttpResponse.BodyHandlers.ofString());
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		// Addresses a client writes itself are not believed: the same client, the same
		// bucket.
		for (String spoofed : new String[] { "198.51.100.1", "10.0.0.1, 203.0.113.9", "2001:db8::7" }) {
			HttpRequest forwarded = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search?q=x"))
				.header("X-Forwarded-For", spoofed)
				.header("Forwarded", "for=" + spoofed.split(",")[0])
				.build();
			assertThat(http.send(forwarded, HttpResponse.BodyHandlers.ofString()).statusCode()).as(spoofed)
				.isEqualTo(429);
		}
		// The editor's key is another client, with its own budget.
		HttpRequest editor = HttpRequest.newBuilder(URI.create(this.base + "/api/v1/search?q=x"))
			.header("X-Api-Key", "editor-key-for-tests")
			.build();
		assertThat(http.send(editor, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

}
