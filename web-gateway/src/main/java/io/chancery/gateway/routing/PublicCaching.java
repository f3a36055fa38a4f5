package io.chancery.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.chancery.gateway.web.EntityTags;
import io.chancery.gateway.web.Freshness;
import io.chancery.gateway.web.SiteProperties;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Makes public reads cacheable: a {@code Cache-Control} suited to the resource, a strong
 * {@code ETag} from the body, and 304 when the client already has it. Streams, exports
 * and everything that is not a public read pass untouched.
 */
@Component
class PublicCaching implements GlobalFilter, Ordered {

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
		if (exchange.getRequest().getMethod() != HttpMethod.GET) {
			return chain.filter(exchange);
		}
		Optional<String> policy = policy(exchange.getRequest().getPath().value());
		if (policy.isEmpty()) {
			return chain.filter(exchange);
		}
		String ifNoneMatch = exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH);
		ServerHttpResponse original = exchange.getResponse();
		ServerHttpResponseDecorator decorated = new ServerHttpResponseDecorator(original) {

			@Override
			public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
				if (getStatusCode() == null || !getStatusCode().equals(HttpStatus.OK)) {
					return super.writeWith(body);
				}
				return DataBufferUtils.join(Flux.from(body)).flatMap((joined) -> {
					byte[] bytes = new byte[joined.readableByteCount()];
					joined.read(bytes);
					DataBufferUtils.release(joined);
					String tag = EntityTags.of(bytes);
					HttpHeaders headers = getHeaders();
					headers.setETag(tag);
					headers.setCacheControl(policy.get());
					if (EntityTags.matches(ifNoneMatch, tag)) {
						setStatusCode(HttpStatus.NOT_MODIFIED);
						headers.remove(HttpHeaders.CONTENT_LENGTH);
						headers.remove(HttpHeaders.CONTENT_TYPE);
						return setComplete();
					}
					headers.setContentLength(bytes.length);
					return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
				});
			}

		};
		return chain.filter(exchange.mutate().response(decorated).build());
	}

	private Optional<String> policy(String path) {
		if (path.equals("/api/v1/search/export") || path.equals("/api/v1/stream") || path.startsWith("/api/v1/admin")
				|| path.startsWith("/api/v1/imports")) {
			return Optional.empty();
		}
		if (path.startsWith("/api/v1/counters") || path.equals("/api/v1/clocks")) {
			return Optional.of(Freshness.untilMidnight(this.clock.instant(), this.site.zone(), Duration.ofSeconds(30)));
		}
		if (path.startsWith("/feeds/")) {
			return Optional.of(Freshness.forSeconds(300));
		}
		if (path.equals("/api/v1/site") || path.matches("/api/v1/(articles|events)/[^/]+")) {
			return Optional.of(Freshness.forSeconds(60));
		}
		if (path.startsWith("/api/v1/articles") || path.startsWith("/api/v1/events")
				|| path.startsWith("/api/v1/archive") || path.equals("/api/v1/search")) {
			return Optional.of(Freshness.forSeconds(30));
		}
		return Optional.empty();
	}

}
