package io.chancery.gateway.web;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway itself answers, as problem+json: unknown paths, methods not
 * allowed, a service unreachable, gone mid-request (closed or reset connection) or silent
 * past the gateway's timeout (503 with Retry-After: a client may try again, as it may
 * after a service's own 503). Anything else is a bug: logged, answered 500 without
 * internals.
 */
@Component
@Order(-2)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		return answer(exchange.getRequest(), exchange.getResponse(), ex);
	}

	/**
	 * The problem for {@code ex}, where there is no exchange (the public reads' path).
	 */
	public static Mono<Void> answer(ServerHttpRequest request, ServerHttpResponse response, Throwable ex) {
		if (response.isCommitted()) {
			// Nothing can be said once the answer has begun (its headers are read-only):
			// the error goes on, and the connection is closed. A client that went away
			// mid-answer is then recognised as such, instead of hidden behind the failure
			// to set a header.
			return Mono.error(ex);
		}
		if (causedBy(ex, ConnectException.class) || causedBy(ex, io.netty.channel.ConnectTimeoutException.class)) {
			logger.warn("Upstream unreachable for {}: {}", request.getPath(), ex.toString());
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			return Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
					"The service behind this path is unavailable; try again shortly.");
		}
		if (causedBy(ex, reactor.netty.http.client.PrematureCloseException.class)
				|| causedBy(ex, reactor.netty.channel.AbortedException.class) || causedBy(ex, IOException.class)) {
			// The service went away mid-request (a crash, a kill: its kernel resets the
			// connections it held, found by the storm drill as a 500): whether a change
			// was stored is unknown, so the client is told to retry, as for an
			// unreachable
			// service.
			logger.warn("Upstream closed the connection for {}: {}", request.getPath(), ex.toString());
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
			return Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
					"The service behind this path closed the connection before answering; a change sent may or may "
							+ "not be stored. Retry with the same Idempotency-Key.");
		}
		if (causedBy(ex, TimeoutException.class)
				|| causedBy(ex, org.springframework.cloud.gateway.support.TimeoutException.class)) {
			// A replica that stopped answering (paused, stuck) without closing its
			// connections: a 504 would tell the client nothing a 503 does not, and
			// Retry-After tells it when to try again.
			logger.warn("Upstream silent for {}: {}", request.getPath(), ex.toString());
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
			boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
			return Problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
					read ? "The service behind this path did not answer in time; try again shortly."
							: "The service behind this path did not answer in time; a change sent may or may not be "
									+ "stored. Retry with the same Idempotency-Key.");
		}
		if (ex instanceof ResponseStatusException status) {
			HttpStatusCode code = status.getStatusCode();
			if (code.is5xxServerError() && code.value() != 503 && code.value() != 504) {
				logger.error("Error answering {}", request.getPath(), ex);
			}
			if (code.value() == 503) {
				response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			}
			String detail = switch (code.value()) {
				case 404 -> "Nothing is served at " + request.getPath().value();
				case 405 -> "This path does not accept " + request.getMethod();
				case 415 -> "This content type is not accepted here";
				case 503 -> "The service behind this path is unavailable; try again shortly.";
				case 504 -> "The service behind this path did not answer in time.";
				default -> (status.getReason() != null) ? status.getReason() : "The request could not be served";
			};
			HttpStatus known = HttpStatus.resolve(code.value());
			return Problems.write(request, response, code, (known != null) ? known.getReasonPhrase() : "Error", detail);
		}
		logger.error("Unexpected error answering {}", request.getPath(), ex);
		return Problems.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Internal Server Error",
				"Something went wrong on our side; it has been logged.");
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
