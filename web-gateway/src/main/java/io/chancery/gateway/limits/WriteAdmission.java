package io.chancery.gateway.limits;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.chancery.gateway.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * How many content writes this gateway passes on at once. Past the bound a write is
 * answered 503 with {@code Retry-After} before its body is read or its credential
 * checked. Without it an overloaded platform answers late instead of "not now": every
 * write that gets in shares the cores with every other, so all of them slow down together
 * until they end in the client's timeout, and the reads wait behind them. ingest-service
 * bounds its own writes too; this bound keeps the queue out of the gateway, where a
 * waiting write holds a connection and the event loops that answer reads. Imports have
 * their own route and are not counted.
 */
@Component
public class WriteAdmission implements WebFilter, Ordered {

	private final AtomicInteger inFlight = new AtomicInteger();

	private final int capacity;

	private final long retryAfterSeconds;

	private final Counter refused;

	WriteAdmission(LimitProperties properties, MeterRegistry meters) {
		this.capacity = properties.concurrentWrites();
		this.retryAfterSeconds = Math.max(1, properties.writeRetryAfter().toSeconds());
		this.refused = Counter.builder("chancery.gateway.writes.refused")
			.description("Content writes refused at once because this gateway passed on as many as it takes")
			.register(meters);
		Gauge.builder("chancery.gateway.writes.in.flight", this.inFlight, AtomicInteger::get)
			.description("Content writes this gateway has passed on and not yet answered")
			.register(meters);
	}

	/**
	 * After the size check, before authentication: a refusal must cost less than the
	 * write it turns away, and a write without a credential holds its place only for as
	 * long as it takes to refuse it.
	 */
	@Override
	public int getOrder() {
		return -150;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!ContentWrites.isContentWrite(exchange.getRequest().getMethod(), exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		if (!admit()) {
			return refuse(exchange.getRequest(), exchange.getResponse());
		}
		return chain.filter(exchange).doFinally((signal) -> release());
	}

	/**
	 * Takes a place for a content write, if one is free; the caller gives it back with
	 * {@link #release()} once the write is answered, however it ends.
	 */
	public boolean admit() {
		if (this.inFlight.incrementAndGet() > this.capacity) {
			this.inFlight.decrementAndGet();
			this.refused.increment();
			return false;
		}
		return true;
	}

	/** Gives back a place {@link #admit()} took. */
	public void release() {
		this.inFlight.decrementAndGet();
	}

	/** The answer to a write that found no place free. */
	public Mono<Void> refuse(ServerHttpRequest request, ServerHttpResponse response) {
		response.getHeaders().set("Retry-After", String.valueOf(this.retryAfterSeconds));
		return Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Too many writes at once",
				"The platform is working on as many writes as it takes. Nothing was stored; retry in "
						+ this.retryAfterSeconds + " s with the same Idempotency-Key.",
				Map.of("retryAfterSeconds", this.retryAfterSeconds));
	}

}
