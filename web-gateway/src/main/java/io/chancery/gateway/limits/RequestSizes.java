package io.chancery.gateway.limits;

import io.chancery.gateway.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses an oversized write before its body is read: 413 when the declared length is
 * over the limit, 411 when a content write (not an import, which streams, nor an admin
 * command, which has no body) declares none.
 */
@Component
class RequestSizes implements WebFilter, Ordered {

	private final LimitProperties properties;

	RequestSizes(LimitProperties properties) {
		this.properties = properties;
	}

	/** Before authentication: a body too large is refused whoever sends it. */
	@Override
	public int getOrder() {
		return -200;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
			return chain.filter(exchange);
		}
		boolean importing = exchange.getRequest().getPath().value().equals("/api/v1/import");
		long limit = (importing ? this.properties.maxImportSize() : this.properties.maxBodySize()).toBytes();
		long length = exchange.getRequest().getHeaders().getContentLength();
		if (length > limit) {
			return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Content too large",
					"The body is " + length + " bytes; this route accepts at most " + limit + ".");
		}
		if (length < 0 && ContentWrites.isContentPath(exchange.getRequest().getPath().value())) {
			return Problems.write(exchange, HttpStatus.LENGTH_REQUIRED, "Length required",
					"Send a Content-Length with the body.");
		}
		return chain.filter(exchange);
	}

}
