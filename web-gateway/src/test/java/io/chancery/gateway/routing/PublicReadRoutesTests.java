package io.chancery.gateway.routing;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PublicReadRoutesTests {

	private final PublicReadRoutes routes = new PublicReadRoutes(
			new UpstreamProperties(URI.create("http://ingest:1"), URI.create("http://search:2/"),
					URI.create("http://counter:3"), Duration.ofSeconds(10), Duration.ofSeconds(4)));

	@ParameterizedTest
	@CsvSource(textBlock = """
			/api/v1/articles?kind=speech,          http://search:2,  search-reads
			/api/v1/articles/a-1.2_x~y?locale=ru,   http://search:2,  search-reads
			/api/v1/articles/a1/related,           http://search:2,  search-reads
			/api/v1/events,                        http://search:2,  search-reads
			/api/v1/archive/months?locale=en,      http://search:2,  search-reads
			/api/v1/search?q=treaty&facets=kind,   http://search:2,  search-reads
			/feeds/articles/speech.atom,           http://search:2,  search-reads
			/api/v1/counters,                      http://counter:3, counter-reads
			/api/v1/counters/c1?at=2024-01-01,     http://counter:3, counter-reads
			/api/v1/clocks?zones=Europe/Moscow,    http://counter:3, counter-reads
			/api/v1/site?locale=en,                http://counter:3, counter-reads
			""")
	void anonymousReadsOfPublicRoutesGoStraightToTheirService(String path, String service, String route) {
		PublicReadRoutes.Service served = this.routes.serviceFor(MockServerHttpRequest.get(path).build());
		assertThat(served).isNotNull();
		assertThat(served.uri()).hasToString(service);
		// The timer names the full path's route for the same reads.
		assertThat(served.route()).isEqualTo(route);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/counters/stream", "/api/v1/stream", "/api/v1/search/export",
			"/api/v1/admin/dead-letters", "/api/v1/imports/i1", "/api/v1/home", "/", "/articles/a1", "/api-docs/search",
			"/api/v1/articles/", "/api/v1/articles//a1", "/api/v1/articles/%2e%2e", "/api/v1/articles/..",
			"/api/v1/articles/.hidden", "/api/v1/articles/a%2Fb", "/api/v1/searchx" })
	void otherPathsTakeTheFullPath(String path) {
		// As the request line has it: the URI template of MockServerHttpRequest.get would
		// clean the path.
		assertThat(this.routes.serviceFor(MockServerHttpRequest.method(HttpMethod.GET, URI.create(path)).build()))
			.isNull();
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			Authorization, Bearer x.y.z
			X-Api-Key,     key
			Origin,        https://frontend.example
			Content-Length, 2
			Transfer-Encoding, chunked
			Upgrade,       websocket
			""")
	void credentialsCorsBodiesAndUpgradesTakeTheFullPath(String header, String value) {
		assertThat(this.routes.serviceFor(MockServerHttpRequest.get("/api/v1/articles").header(header, value).build()))
			.isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS" })
	void onlyGetAndHeadAreReads(String method) {
		assertThat(this.routes
			.serviceFor(MockServerHttpRequest.method(HttpMethod.valueOf(method), "/api/v1/articles").build())).isNull();
	}

}
