package io.chancery.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import io.chancery.gateway.web.Freshness;
import io.chancery.gateway.web.SiteProperties;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Makes public reads cacheable: a {@code Cache-Control} suited to the resource on each
 * 200 and 304. The validators come from the services, which make the bytes: their
 * {@code ETag} passes through, and so does their 304 for the client's
 * {@code If-None-Match}; the body streams through untouched. Streams, exports and
 * everything that is not a public read pass as they are.
 */
@Component
public class PublicCaching implements GlobalFilter, Ordered {

	private static final Pattern ONE_ITEM = Pattern.compile("/api/v1/(articles|events)/[^/]+");

	private final SiteProperties site;

	private final Clock clock;

	PublicCaching(SiteProperties site, Clock clock) {
		this.site = site;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		// Before the response is written by NettyWriteResponseFilter (-1).
		return -2;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
			return chain.filter(exchange);
		}
		Optional<String> policy = policy(exchange.getRequest().getPath().value());
		if (policy.isEmpty()) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		response.beforeCommit(() -> {
			HttpStatusCode status = response.getStatusCode();
			if (status != null && (status.value() == 200 || status.value() == 304)) {
				HttpHeaders headers = response.getHeaders();
				headers.setCacheControl(policy.get());
				// A service's own "do not store" defaults would contradict the policy.
				headers.remove(HttpHeaders.PRAGMA);
				headers.remove(HttpHeaders.EXPIRES);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	/**
	 * The {@code Cache-Control} of a public read at {@code path}, if it is one; the
	 * website's pages are kept as long as the answers they show.
	 */
	public Optional<String> policy(String path) {
		if (path.equals("/api/v1/search/export") || path.equals("/api/v1/stream") || path.startsWith("/api/v1/admin")
				|| path.startsWith("/api/v1/imports") || path.startsWith("/api/v1/editorial")
				|| path.startsWith("/api/v1/previews")) {
			return Optional.empty();
		}
		if (path.startsWith("/api/v1/counters") || path.equals("/api/v1/clocks")) {
			return Optional.of(Freshness.untilMidnight(this.clock.instant(), this.site.zone(), Duration.ofSeconds(30)));
		}
		if (path.startsWith("/feeds/")) {
			return Optional.of(Freshness.forSeconds(300));
		}
		if (path.equals("/api/v1/site") || ONE_ITEM.matcher(path).matches()) {
			return Optional.of(Freshness.forSeconds(60));
		}
		if (path.startsWith("/api/v1/articles") || path.startsWith("/api/v1/events")
				|| path.startsWith("/api/v1/archive") || path.equals("/api/v1/search")) {
			return Optional.of(Freshness.forSeconds(30));
		}
		return Optional.empty();
	}

}
