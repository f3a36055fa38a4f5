package io.chancery.ingest.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chancery.contracts.PartitionOwner;
import io.chancery.ingest.publishing.TraceHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Passes a write to the replica that owns its partition and relays that replica's answer.
 * The request goes as it came (method, path, query, body), with the caller's credential,
 * so the owner checks it again, and with the current trace context, so the owner's work
 * is part of the caller's trace. The owner never passes it on again: if it does not own
 * the partition either (ownership moved in between), it answers 421 and the caller looks
 * for the owner again.
 */
@Component
public class Forwarding {

	private static final org.slf4j.Logger logger = org.slf4j.LoggerFactory.getLogger(Forwarding.class);

	/** Marks a request passed on by another replica. */
	public static final String FORWARDED = "Chancery-Forwarded";

	/**
	 * The import that lines passed on to their owner belong to, for the editorial record.
	 * Not Import-Id: the import's report is the one on the replica that runs it.
	 */
	public static final String IMPORT_OF = "Chancery-Import-Of";

	/**
	 * Not Import-Id: the lines of an import passed to another replica are a part of it,
	 * and the import's report is the one on the replica that runs it.
	 */
	private static final List<String> CARRIED = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
			HttpHeaders.ACCEPT, HttpHeaders.IF_MATCH, "Idempotency-Key", "X-API-Key");

	/**
	 * With the owner's hint, so the gateway sends the partition's next change there
	 * directly.
	 */
	private static final List<String> RELAYED = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG,
			HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, PartitionOwner.HEADER);

	/**
	 * Above the owner's own bounds on a write (its queue and Kafka's acknowledgement), so
	 * the owner's answer is the one relayed.
	 */
	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final TraceHeaders traceHeaders;

	private final MeterRegistry meters;

	Forwarding(TraceHeaders traceHeaders, MeterRegistry meters) {
		this.traceHeaders = traceHeaders;
		this.meters = meters;
	}

	/**
	 * Whether this request was passed on by another replica, and so must not be passed on
	 * again.
	 */
	public static boolean forwarded(HttpServletRequest request) {
		return request.getHeader(FORWARDED) != null;
	}

	/**
	 * Sends the request to the owner and returns the owner's answer (421 if it does not
	 * own the partition), or a 503 problem if the owner cannot be reached.
	 * @param request the request as this replica received it
	 * @param owner the owning replica's base URL
	 * @param body the request's body as received (empty for none)
	 * @param timeout the longest wait for the owner's answer
	 */
	public ResponseEntity<?> forward(HttpServletRequest request, URI owner, byte[] body, Duration timeout) {
		return forward(request, owner, body, timeout, Map.of());
	}

	/**
	 * Sends the request to the owner with headers of this replica's own added.
	 * @see #forward(HttpServletRequest, URI, byte[], Duration)
	 */
	public ResponseEntity<?> forward(HttpServletRequest request, URI owner, byte[] body, Duration timeout,
			Map<String, String> added) {
		String target = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		HttpRequest.Builder outgoing = HttpRequest.newBuilder(owner.resolve(target))
			.timeout(timeout)
			.method(request.getMethod(),
					(body.length == 0) ? HttpRequest.BodyPublishers.noBody()
							: HttpRequest.BodyPublishers.ofByteArray(body))
			.header(FORWARDED, "true");
		for (String name : CARRIED) {
			String value = request.getHeader(name);
			if (value != null) {
				outgoing.header(name, value);
			}
		}
		added.forEach(outgoing::header);
		this.traceHeaders.inject(outgoing::setHeader);
		HttpResponse<byte[]> answer;
		try {
			answer = this.client.send(outgoing.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			count("unreachable");
			logger.warn("Could not pass {} {} to the replica at {}: {}", request.getMethod(), request.getRequestURI(),
					owner, ex.toString());
			return unavailable("The replica that writes this item (" + owner
					+ ") did not answer, so the change may not be stored. Retry with the same Idempotency-Key.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return unavailable(
					"Interrupted while the owning replica wrote the change. Retry with the same " + "Idempotency-Key.");
		}
		count(Integer.toString(answer.statusCode()));
		ResponseEntity.BodyBuilder relayed = ResponseEntity.status(answer.statusCode());
		for (String name : RELAYED) {
			Optional<String> value = answer.headers().firstValue(name);
			value.ifPresent((v) -> relayed.header(name, v));
		}
		return relayed.body(answer.body());
	}

	/**
	 * Counts a passed-on request by the owner's answer, to watch how much goes between
	 * replicas.
	 */
	private void count(String answer) {
		this.meters.counter("chancery.ingest.forwarded", "answer", answer).increment();
	}

	/** The default wait for the owner's answer to a single change. */
	public static Duration timeout() {
		return TIMEOUT;
	}

	/** The answer of a replica that was passed a change it does not own (any more). */
	public static ResponseEntity<ProblemDetail> misdirected(String detail) {
		return problem(HttpStatus.MISDIRECTED_REQUEST, detail, null);
	}

	/**
	 * The answer when the partition's owner kept moving while the change was passed on.
	 */
	public static ResponseEntity<ProblemDetail> moving() {
		return unavailable("The replicas are handing over their partitions; nothing was stored. Retry.");
	}

	private static ResponseEntity<ProblemDetail> unavailable(String detail) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, detail, "1");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail,
			@Nullable String retryAfter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (retryAfter != null) {
			builder.header(HttpHeaders.RETRY_AFTER, retryAfter);
		}
		return builder.body(problem);
	}

}
