package io.chancery.gateway.web;

import java.util.Objects;

import io.chancery.web.InvalidParameter;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Problems raised by the gateway's own controllers. */
@RestControllerAdvice
class ControllerProblems {

	@ExceptionHandler
	Mono<Void> invalid(InvalidParameter ex, ServerWebExchange exchange) {
		ProblemDetail problem = ex.problem();
		return Problems.write(exchange, HttpStatus.BAD_REQUEST, Objects.requireNonNull(problem.getTitle()),
				Objects.requireNonNull(problem.getDetail()), Objects.requireNonNull(problem.getProperties()));
	}

}
