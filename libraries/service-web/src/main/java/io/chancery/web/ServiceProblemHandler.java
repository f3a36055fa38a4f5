package io.chancery.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * What every service answers the same way, as RFC 9457 problem+json: a refused query
 * parameter is a 400 in one shape, anything unexpected is a bug (500, logged, reported
 * without internals), and Spring MVC's own errors come as problems
 * ({@link ResponseEntityExceptionHandler}). Each service's {@code @RestControllerAdvice}
 * extends this with the problems of its own features, built with the helpers below.
 */
public abstract class ServiceProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ServiceProblemHandler.class);

	@ExceptionHandler
	public ResponseEntity<ProblemDetail> invalidParameter(InvalidParameter ex) {
		return answer(ex.problem(), null);
	}

	@ExceptionHandler
	public ResponseEntity<ProblemDetail> bug(Exception ex) {
		logger.error("Unexpected error", ex);
		return answer(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; it has been logged."), null);
	}

	/** A problem with its title and the detail a caller can act on. */
	public static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/** The answer of a problem, as problem+json with its status. */
	public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, @Nullable HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * 503 with {@code Retry-After}: the service cannot answer now and says when to ask
	 * again (at least a second).
	 */
	public static ResponseEntity<ProblemDetail> unavailable(ProblemDetail problem, long retryAfterSeconds) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfterSeconds)));
		return answer(problem, headers);
	}

}
