package io.chancery.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chancery.gateway.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Token buckets (Bucket4j) per client and class of request: reads, writes, exports. A
 * client is its credential's name when it sent one, else its address
 * ({@link ClientAddresses}: behind trusted proxies, the address they were given, never
 * one the client wrote). Buckets live in this instance's memory: with N gateway replicas
 * a client may make up to N times the limit, which these limits allow for; a shared store
 * (Redis) would make them exact at the cost of a round trip per request.
 */
@Component
class RateLimits implements WebFilter, Ordered {

	private final LimitProperties properties;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	private final MeterRegistry meters;

	private final ClientAddresses addresses;

	RateLimits(LimitProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		this.addresses = new ClientAddresses(properties.trustedProxies());
	}

	/** After Spring Security (-100), so the client's credential is known. */
	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!path.startsWith("/api/") && !path.startsWith("/feeds/")) {
			return chain.filter(exchange);
		}
		Limited kind = kind(exchange.getRequest().getMethod(), path);
		return exchange.getPrincipal().map((principal) -> principal.getName()).defaultIfEmpty("").flatMap((name) -> {
			String client = name.isEmpty() ? "address:" + this.addresses.of(exchange.getRequest().getRemoteAddress(),
					exchange.getRequest().getHeaders().getValuesAsList(ClientAddresses.FORWARDED_FOR)) : name;
			Bucket bucket = this.buckets.get(kind + "|" + client, (key) -> bucket(perMinute(kind)));
			ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
			exchange.getResponse()
				.getHeaders()
				.set("RateLimit", "limit=" + perMinute(kind) + ", remaining=" + probe.getRemainingTokens() + ", reset="
						+ seconds(probe.getNanosToWaitForReset()));
			if (probe.isConsumed()) {
				return chain.filter(exchange);
			}
			long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
			this.meters.counter("chancery.gateway.rate.limited", "class", kind.name().toLowerCase()).increment();
			exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(retryAfter));
			return Problems
				.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
						"This client made more than " + perMinute(kind) + " " + kind.name().toLowerCase()
								+ " a minute; try again in " + retryAfter + " s.",
						Map.of("retryAfterSeconds", retryAfter));
		});
	}

	private long perMinute(Limited kind) {
		return switch (kind) {
			case READS -> this.properties.readsPerMinute();
			case WRITES -> this.properties.writesPerMinute();
			case EXPORTS -> this.properties.exportsPerMinute();
		};
	}

	private static Bucket bucket(long perMinute) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

	private static Limited kind(HttpMethod method, String path) {
		if (path.equals("/api/v1/search/export")) {
			return Limited.EXPORTS;
		}
		return (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) ? Limited.READS
				: Limited.WRITES;
	}

	private static long seconds(long nanos) {
		return TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1);
	}

	private enum Limited {

		READS, WRITES, EXPORTS

	}

}
