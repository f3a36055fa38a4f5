package io.chancery.gateway.routing;

import java.io.IOException;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The public API's paths and the service behind each. Paths are the contract and match
 * the services' own, except the page stream, which is counter-service's. Streams, exports
 * and imports may run long and have no response timeout.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

	/**
	 * What one ingest-service replica sets on a write it passes to another; from outside
	 * it would let a client skip the receiving replica's admission, so it never gets in.
	 */
	static final String REPLICA_HEADER = "Chancery-Forwarded";

	/**
	 * Changes of articles and events: sent to the replica that writes the item's
	 * partition where it is known ({@link OwnerRouting}).
	 */
	static final String INGEST_WRITES = "ingest-writes";

	/** search-service's public reads. */
	static final String[] SEARCH_READS = { "/api/v1/articles", "/api/v1/articles/**", "/api/v1/events",
			"/api/v1/events/**", "/api/v1/archive", "/api/v1/archive/**", "/api/v1/search", "/feeds/**" };

	/**
	 * counter-service's public reads (its event stream among them, under its own path).
	 */
	static final String[] COUNTER_READS = { "/api/v1/counters", "/api/v1/counters/**", "/api/v1/clocks",
			"/api/v1/site" };

	@Bean
	RouteLocator chanceryRoutes(RouteLocatorBuilder builder, UpstreamProperties upstreams) {
		long timeout = upstreams.timeout().toMillis();
		long readTimeout = upstreams.readTimeout().toMillis();
		String search = upstreams.search().toString();
		String ingest = upstreams.ingest().toString();
		String counter = upstreams.counter().toString();
		return builder.routes()
			.route("search-export",
					(route) -> route.method(HttpMethod.GET)
						.and()
						.path("/api/v1/search/export")
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
						.uri(search))
			.route("search-reads",
					(route) -> route.method(HttpMethod.GET, HttpMethod.HEAD)
						.and()
						.path(SEARCH_READS)
						.filters((filters) -> filters.retry(Routes::onceMoreUnanswered))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, readTimeout)
						.uri(search))
			.route("search-editorial-export",
					(route) -> route.method(HttpMethod.GET)
						.and()
						.path("/api/v1/editorial/audit.csv")
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
						.uri(search))
			.route("search-preview-links",
					(route) -> route.method(HttpMethod.POST)
						.and()
						.path("/api/v1/editorial/*/*/*/preview-link")
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, readTimeout)
						.uri(search))
			.route("search-editorial",
					(route) -> route.method(HttpMethod.GET, HttpMethod.HEAD)
						.and()
						.path("/api/v1/editorial/**", "/api/v1/previews/**")
						.filters((filters) -> filters.retry(Routes::onceMoreUnanswered))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, readTimeout)
						.uri(search))
			.route("ingest-export",
					(route) -> route.method(HttpMethod.GET)
						.and()
						.path("/api/v1/admin/export")
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
						.uri(ingest))
			.route("counter-admin",
					(route) -> route.path("/api/v1/admin/counters/**")
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
						.uri(counter))
			.route("search-admin",
					(route) -> route.path("/api/v1/admin/**")
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
						.uri(search))
			.route("ingest-import",
					(route) -> route.method(HttpMethod.POST)
						.and()
						.path("/api/v1/import")
						.filters((filters) -> filters.removeRequestHeader(REPLICA_HEADER))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
						.uri(ingest))
			.route(INGEST_WRITES,
					(route) -> route.method(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)
						.and()
						.path("/api/v1/articles", "/api/v1/articles/**", "/api/v1/events", "/api/v1/events/**")
						.filters((filters) -> filters.removeRequestHeader(REPLICA_HEADER))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout)
						.uri(ingest))
			.route("ingest-site",
					(route) -> route.method(HttpMethod.PUT)
						.and()
						.path("/api/v1/site", "/api/v1/site/**")
						.filters((filters) -> filters.removeRequestHeader(REPLICA_HEADER))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, timeout)
						.uri(ingest))
			.route("ingest-import-progress", (route) -> route.method(HttpMethod.GET)
				.and()
				.path("/api/v1/imports/**")
				.filters((filters) -> filters.removeRequestHeader(REPLICA_HEADER).retry(Routes::onceMoreUnanswered))
				.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, readTimeout)
				.uri(ingest))
			.route("counter-stream",
					(route) -> route.method(HttpMethod.GET)
						.and()
						.path("/api/v1/stream")
						.filters((filters) -> filters.setPath("/api/v1/counters/stream"))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1)
						.uri(counter))
			.route("counter-reads",
					(route) -> route.method(HttpMethod.GET, HttpMethod.HEAD)
						.and()
						.path(COUNTER_READS)
						.filters((filters) -> filters.retry(Routes::onceMoreUnanswered))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, readTimeout)
						.uri(counter))
			.route("api-docs-ingest",
					(route) -> route.method(HttpMethod.GET)
						.and()
						.path("/api-docs/ingest")
						.filters((filters) -> filters.setPath("/v3/api-docs")
							.modifyResponseBody(byte[].class, byte[].class,
									(exchange, document) -> Mono.justOrEmpty(document).map(GatewayAnswers::addTo)))
						.uri(ingest))
			.route("api-docs-search",
					(route) -> route.method(HttpMethod.GET)
						.and()
						.path("/api-docs/search")
						.filters((filters) -> filters.setPath("/v3/api-docs")
							.modifyResponseBody(byte[].class, byte[].class,
									(exchange, document) -> Mono.justOrEmpty(document).map(GatewayAnswers::addTo)))
						.uri(search))
			.route("api-docs-counter",
					(route) -> route.method(HttpMethod.GET)
						.and()
						.path("/api-docs/counter")
						.filters((filters) -> filters.setPath("/v3/api-docs")
							.modifyResponseBody(byte[].class, byte[].class,
									(exchange, document) -> Mono.justOrEmpty(document).map(GatewayAnswers::addTo)))
						.uri(counter))
			.build();
	}

	/**
	 * A read the service gave no answer to at all — none within the read timeout, or the
	 * connection failed first — is sent once more (as {@link PublicReads} does); a read
	 * changes nothing. An answer, even a 503, is the client's.
	 */
	private static void onceMoreUnanswered(RetryGatewayFilterFactory.RetryConfig retry) {
		retry.setRetries(1);
		retry.setMethods(HttpMethod.GET, HttpMethod.HEAD);
		retry.setSeries();
		retry.setStatuses();
		retry.setExceptions(IOException.class, TimeoutException.class);
	}

}
