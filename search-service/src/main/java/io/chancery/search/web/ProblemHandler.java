package io.chancery.search.web;

import io.chancery.web.ServiceProblemHandler;
import java.io.IOException;
import java.net.ConnectException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors as RFC 9457 problem+json. Elasticsearch being unreachable or overloaded is a 503
 * with Retry-After; nothing about Elasticsearch's internals reaches the caller. Any other
 * 5xx is a bug, logged.
 */
@RestControllerAdvice
class ProblemHandler extends ServiceProblemHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		return answer(problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage()), null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> gone(Gone ex) {
		return answer(problem(HttpStatus.GONE, "Withdrawn", ex.getMessage()), null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> previewRefused(PreviewRefused ex) {
		return answer(problem(HttpStatus.valueOf(ex.status()), "Preview link refused", ex.getMessage()), null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(Conflict ex) {
		return answer(problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage()), null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(Busy ex) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Too busy", ex.getMessage());
		problem.setProperty("retryAfterSeconds", ex.retryAfterSeconds());
		return unavailable(problem, ex.retryAfterSeconds());
	}

	@ExceptionHandler({ TransportException.class, ConnectException.class })
	ResponseEntity<ProblemDetail> unreachable(Exception ex) {
		logger.warn("Elasticsearch unreachable: {}", ex.toString());
		return elasticsearchUnavailable();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> elasticsearch(ElasticsearchException ex) {
		if (ex.status() == 429 || ex.status() >= 500) {
			logger.warn("Elasticsearch overloaded or failing: {}", ex.toString());
			return elasticsearchUnavailable();
		}
		return bug(ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> io(IOException ex) {
		logger.warn("Elasticsearch unreachable: {}", ex.toString());
		return elasticsearchUnavailable();
	}

	private static ResponseEntity<ProblemDetail> elasticsearchUnavailable() {
		return unavailable(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
				"Search is temporarily unavailable; try again shortly."), 5);
	}

}
