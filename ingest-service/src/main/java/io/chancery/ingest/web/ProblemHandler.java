package io.chancery.ingest.web;

import java.util.List;
import java.util.Map;

import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.publishing.IdempotencyKeyReused;
import io.chancery.ingest.publishing.OwnedElsewhere;
import io.chancery.ingest.publishing.WriteRefused;
import jakarta.servlet.http.HttpServletRequest;
import io.chancery.ingest.publishing.LedgerNotReady;
import io.chancery.ingest.publishing.RevisionConflict;
import io.chancery.ingest.validation.InvalidContent;
import io.chancery.web.ServiceProblemHandler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.ContentCachingRequestWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Every error a client sees, as RFC 9457 problem+json with a message an editor can act
 * on. Client mistakes are 4xx; Kafka being unreachable is 503 with Retry-After; anything
 * else is a bug, logged, and reported without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ServiceProblemHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	/** How many replicas a change is passed to while its partition moves. */
	private static final int FORWARDS = 3;

	private final Forwarding forwarding;

	private final ContentPublisher publisher;

	ProblemHandler(Forwarding forwarding, ContentPublisher publisher) {
		this.forwarding = forwarding;
		this.publisher = publisher;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidContent ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Invalid content");
		problem.setProperty("errors",
				ex.violations()
					.stream()
					.map((violation) -> Map.of("field", violation.field(), "message", violation.message()))
					.toList());
		return answer(problem, null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(RevisionConflict ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Revision conflict");
		if (ex.currentRevision() != null) {
			problem.setProperty("currentRevision", ex.currentRevision());
		}
		HttpHeaders headers = new HttpHeaders();
		if (ex.currentRevision() != null) {
			headers.setETag("\"" + ex.currentRevision() + "\"");
		}
		return answer(problem, headers);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> reused(IdempotencyKeyReused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Idempotency key reused");
		return answer(problem, null);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(WriteRefused ex) {
		if (ex.getCause() != null) {
			logger.warn("{}: {}", ex.getMessage(), ex.getCause().toString());
		}
		else {
			// Overload, answered as designed and counted by the metrics: a line per
			// refused write would cost the saturated replica more.
			logger.debug("{}", ex.getMessage());
		}
		return unavailable(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()),
				ex.retryAfter().toSeconds());
	}

	/**
	 * A change for a partition another replica writes goes to that replica, whose answer
	 * is this one; a change passed on by another replica is never passed on again.
	 */
	@ExceptionHandler
	ResponseEntity<?> elsewhere(OwnedElsewhere ex, HttpServletRequest request) {
		if (Forwarding.forwarded(request)) {
			return Forwarding
				.misdirected("This replica does not write the partition of this item (any more): " + ex.getMessage());
		}
		ContentCachingRequestWrapper cached = WebUtils.getNativeRequest(request, ContentCachingRequestWrapper.class);
		byte[] body = (cached != null) ? cached.getContentAsByteArray() : new byte[0];
		OwnedElsewhere target = ex;
		for (int attempt = 1; attempt <= FORWARDS; attempt++) {
			ResponseEntity<?> answer = this.forwarding.forward(request, target.owner(), body, Forwarding.timeout());
			if (answer.getStatusCode().value() != HttpStatus.MISDIRECTED_REQUEST.value()) {
				return answer;
			}
			// The partition moved after it was looked up: look again.
			RuntimeException next = this.publisher.lookAgain(target);
			if (!(next instanceof OwnedElsewhere owner)) {
				throw next;
			}
			target = owner;
		}
		return Forwarding.moving();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notReady(LedgerNotReady ex) {
		return unavailable(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()), 2);
	}

	/**
	 * Malformed JSON or a value of the wrong type: 400, naming the field where Jackson
	 * knows it.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
		problem.setTitle("Unreadable request body");
		Throwable cause = ex.getCause();
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = path(databind);
			problem.setDetail("The value of " + field + " cannot be read: " + firstLine(databind.getOriginalMessage()));
			problem.setProperty("errors", List.of(Map.of("field", field, "message", "has the wrong type or format")));
		}
		else if (cause instanceof JacksonException json) {
			problem.setDetail("The body is not valid JSON: " + firstLine(json.getOriginalMessage()));
		}
		else {
			problem.setDetail("The body is missing or is not valid JSON");
		}
		return ResponseEntity.badRequest()
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static String path(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "";
		}
		String line = message.lines().findFirst().orElse("");
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

}
