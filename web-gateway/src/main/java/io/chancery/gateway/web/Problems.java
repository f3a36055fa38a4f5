package io.chancery.gateway.web;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/** Writes RFC 9457 problem+json answers from filters, where no controller runs. */
public final class Problems {

	private static final JsonMapper json = JsonMapper.builder().build();

	private Problems() {
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String title, String detail) {
		return write(exchange, status, title, detail, Map.of());
	}

	public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String title, String detail,
			Map<String, Object> properties) {
		return write(exchange.getRequest(), exchange.getResponse(), status, title, detail, properties);
	}

	/** The same, where there is no exchange (the public reads' own path). */
	public static Mono<Void> write(ServerHttpRequest request, ServerHttpResponse response, HttpStatusCode status,
			String title, String detail) {
		return write(request, response, status, title, detail, Map.of());
	}

	/** The same, where there is no exchange (the public reads' own path). */
	public static Mono<Void> write(ServerHttpRequest request, ServerHttpResponse response, HttpStatusCode status,
			String title, String detail, Map<String, Object> properties) {
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getPath().value());
		problem.putAll(properties);
		byte[] body = json.writeValueAsBytes(problem);
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

}
