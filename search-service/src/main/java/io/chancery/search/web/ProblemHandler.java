package io.chancery.search.web;

import io.chancery.web.InvalidParameter;
import java.io.IOException;
import java.net.ConnectException;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as RFC 9457 problem+json. Elasticsearch being unreachable or overloaded is a 503
 * with Retry-After; nothing about Elasticsearch's internals reaches the caller. Any other
 * 5xx is a bug, logged.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidParameter ex) {
		return problem(ex.problem());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> gone(Gone ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE, ex.getMessage());
		problem.setTitle("Withdrawn");
		return problem(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> previewRefused(PreviewRefused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(ex.status()), ex.getMessage());
		problem.setTitle("Preview link refused");
		return problem(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(Conflict ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		return problem(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> busy(Busy ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Too busy");
		problem.setProperty("retryAfterSeconds", ex.retryAfterSeconds());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler({ TransportException.class, ConnectException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		logger.warn("Elasticsearch unreachable: {}", ex.toString());
		return unavailable();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> elasticsearch(ElasticsearchException ex) {
		if (ex.status() == 429 || ex.status() >= 500) {
			logger.warn("Elasticsearch overloaded or failing: {}", ex.toString());
			return unavailable();
		}
		return bug(ex);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> io(IOException ex) {
		logger.warn("Elasticsearch unreachable: {}", ex.toString());
		return unavailable();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> bug(Exception ex) {
		logger.error("Unexpected error", ex);
		return problem(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; it has been logged."));
	}

	private static ResponseEntity<ProblemDetail> unavailable() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"Search is temporarily unavailable; try again shortly.");
		problem.setTitle("Service unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
