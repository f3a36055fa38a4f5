package io.chancery.gateway.web;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Problems raised by the gateway's own controllers. */
@RestControllerAdvice
class ControllerProblems {

	@ExceptionHandler
	Mono<Void> invalid(InvalidParameter ex, ServerWebExchange exchange) {
		return Problems.write(exchange, HttpStatus.BAD_REQUEST, "Invalid parameter",
				"Parameter '" + ex.parameter() + "' " + ex.getMessage(),
				Map.of("parameter", ex.parameter(), "accepted", ex.accepted()));
	}

}
