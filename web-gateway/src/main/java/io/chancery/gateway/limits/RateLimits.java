package io.chancery.gateway.limits;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chancery.gateway.web.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Token buckets (Bucket4j) per client and class of request: reads, writes, exports,
 * cursors opened; and a bound on the event streams a client holds open at once. A client
 * is its credential's name when it sent one, else its address ({@link ClientAddresses}:
 * behind trusted proxies, the address they were given, never one the client wrote).
 * Buckets live in this instance's memory: with N gateway replicas a client may make up to
 * N times the limit, which these limits allow for; a shared store (Redis) would make them
 * exact at the cost of a round trip per request.
 */
@Component
public class RateLimits implements WebFilter, Ordered {

	private final LimitProperties properties;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	/** The event stream's paths: the public one, and counter-service's own. */
	private static final Set<String> STREAMS = Set.of("/api/v1/stream", "/api/v1/counters/stream");

	private static final String HEADER = "RateLimit";

	private final MeterRegistry meters;

	private final ClientAddresses addresses;

	/** Event streams open, by client. */
	private final ConcurrentMap<String, AtomicInteger> streams = new ConcurrentHashMap<>();

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
		Limited kind = kind(exchange.getRequest());
		return exchange.getPrincipal().map((principal) -> principal.getName()).defaultIfEmpty("").flatMap((name) -> {
			String client = name.isEmpty() ? anonymous(exchange.getRequest()) : name;
			ConsumptionProbe probe = take(kind, client);
			exchange.getResponse().getHeaders().set(HEADER, header(kind, probe));
			if (probe.isConsumed()) {
				return STREAMS.contains(path) ? streaming(exchange, chain, client) : chain.filter(exchange);
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

	/**
	 * Takes one request from the bucket of a client that sent no credential, for the
	 * public reads' own path, and sets the {@code RateLimit} header on {@code response}.
	 * @return whether the client had one left; when not, the full path answers the 429
	 */
	public boolean takeAnonymous(ServerHttpRequest request, ServerHttpResponse response) {
		Limited kind = kind(request);
		ConsumptionProbe probe = take(kind, anonymous(request));
		if (!probe.isConsumed()) {
			return false;
		}
		response.getHeaders().set(HEADER, header(kind, probe));
		return true;
	}

	/**
	 * Takes one write from the bucket of {@code client} (a credential's name), for the
	 * content writes' own path, and sets the {@code RateLimit} header on
	 * {@code response}.
	 * @return whether the client had one left; when not, the full path answers the 429
	 */
	public boolean takeWrite(String client, ServerHttpResponse response) {
		ConsumptionProbe probe = take(Limited.WRITES, client);
		if (!probe.isConsumed()) {
			return false;
		}
		response.getHeaders().set(HEADER, header(Limited.WRITES, probe));
		return true;
	}

	private String anonymous(ServerHttpRequest request) {
		return "address:" + this.addresses.of(request.getRemoteAddress(),
				request.getHeaders().getValuesAsList(ClientAddresses.FORWARDED_FOR));
	}

	private ConsumptionProbe take(Limited kind, String client) {
		Bucket bucket = this.buckets.get(kind + "|" + client, (key) -> bucket(perMinute(kind)));
		return bucket.tryConsumeAndReturnRemaining(1);
	}

	private String header(Limited kind, ConsumptionProbe probe) {
		return "limit=" + perMinute(kind) + ", remaining=" + probe.getRemainingTokens() + ", reset="
				+ seconds(probe.getNanosToWaitForReset());
	}

	/**
	 * An event stream, if the client holds fewer open than it may; each is counted until
	 * it ends, however it ends.
	 */
	private Mono<Void> streaming(ServerWebExchange exchange, WebFilterChain chain, String client) {
		AtomicInteger open = this.streams.computeIfAbsent(client, (key) -> new AtomicInteger());
		if (open.incrementAndGet() > this.properties.streamsPerClient()) {
			release(client, open);
			this.meters.counter("chancery.gateway.rate.limited", "class", "streams").increment();
			exchange.getResponse().getHeaders().set("Retry-After", "30");
			return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many streams",
					"This client holds " + this.properties.streamsPerClient()
							+ " event streams open already; close one, or try again in 30 s.",
					Map.of("retryAfterSeconds", 30));
		}
		return chain.filter(exchange).doFinally((signal) -> release(client, open));
	}

	private void release(String client, AtomicInteger open) {
		if (open.decrementAndGet() <= 0) {
			this.streams.remove(client, open);
		}
	}

	private long perMinute(Limited kind) {
		return switch (kind) {
			case READS -> this.properties.readsPerMinute();
			case WRITES -> this.properties.writesPerMinute();
			case EXPORTS -> this.properties.exportsPerMinute();
			case CURSORS -> this.properties.cursorsPerMinute();
		};
	}

	private static Bucket bucket(long perMinute) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build();
	}

	private static Limited kind(ServerHttpRequest request) {
		HttpMethod method = request.getMethod();
		if (request.getPath().value().equals("/api/v1/search/export")) {
			return Limited.EXPORTS;
		}
		// A first page with paging=cursor opens a point in time in Elasticsearch; the
		// pages after it do not.
		if (method == HttpMethod.GET && mayNamePaging(request.getURI().getRawQuery())
				&& "cursor".equals(request.getQueryParams().getFirst("paging"))) {
			return Limited.CURSORS;
		}
		return (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) ? Limited.READS
				: Limited.WRITES;
	}

	/**
	 * Whether a query may hold {@code paging}, written plainly or encoded. Most reads' do
	 * not, and then their parameters need not be parsed (by regular expression) and
	 * decoded.
	 */
	static boolean mayNamePaging(@Nullable String rawQuery) {
		return rawQuery != null && (rawQuery.contains("paging") || rawQuery.indexOf('%') >= 0);
	}

	private static long seconds(long nanos) {
		return TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1);
	}

	private enum Limited {

		READS, WRITES, EXPORTS, CURSORS

	}

}
