package io.chancery.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WrkTests {

	@TempDir
	Path scripts;

	@Test
	void mixIsSentInTurnWithMethodsHeadersAndBodies() {
		try (TinyServer server = new TinyServer("max-age=30")) {
			WrkResult result = Wrk.find(this.scripts)
				.run("mix", server.url(),
						List.of(WrkRequest.get("/search?q=%D0%BF%D0%BE%D1%81%D0%BE%D0%BB"),
								WrkRequest.postJson("/content/_search",
										"{\"query\":{\"match_all\":{}},\"x\":\"<mark>\"}")),
						1, 1, Duration.ofSeconds(1), null);
			assertThat(result.requests()).isPositive();
			assertThat(result.clean()).isTrue();
			assertThat(result.latency().p50()).isPositive();
			assertThat(result.latency().p99()).isGreaterThanOrEqualTo(result.latency().p50());
			assertThat(server.requests).anyMatch((request) -> request.startsWith("GET /search?q=%D0%BF"));
			assertThat(server.requests)
				.anyMatch((request) -> request.startsWith("POST /content/_search ") && request.endsWith("\"<mark>\"}"));
		}
	}

	@Test
	void oneRequestIsSentAsIs() {
		try (TinyServer server = new TinyServer("max-age=30")) {
			WrkResult result = Wrk.find(this.scripts)
				.run("one", server.url(), List.of(WrkRequest.get("/api/v1/clocks")), 2, 2, Duration.ofSeconds(1), null);
			assertThat(result.requestsPerSecond()).isPositive();
			assertThat(result.connections()).isEqualTo(2);
			assertThat(server.requests).allMatch((request) -> request.startsWith("GET /api/v1/clocks "));
		}
	}

	@Test
	void answersWithTheWatchedHeaderAreCounted() {
		try (TinyServer server = new TinyServer("no-cache")) {
			WrkResult result = Wrk.find(this.scripts)
				.run("degraded", server.url(), List.of(WrkRequest.get("/api/v1/home")), 1, 1, Duration.ofSeconds(1),
						new String[] { "Cache-Control", "no-cache" });
			assertThat(result.flagged()).isEqualTo(result.requests());
			assertThat(result.clean()).isFalse();
		}
	}

	@Test
	void versionNamesWrk() {
		assertThat(Wrk.find(this.scripts).version()).startsWith("wrk");
	}

}
