package io.chancery.gateway.web;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

/**
 * What the short paths of anonymous reads share (the public reads' proxy and the home
 * page's shared answer): which requests may take one, and their timing as server requests
 * under the tags WebFlux's own observation gives the full path.
 */
@Component
public class ShortPaths {

	/** Headers that mean a credential, CORS, a body or another protocol. */
	private static final List<String> FULL_PATH_HEADERS = List.of(HttpHeaders.AUTHORIZATION, "X-Api-Key",
			HttpHeaders.ORIGIN, HttpHeaders.CONTENT_LENGTH, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.UPGRADE);

	private final MeterRegistry meters;

	/**
	 * The timers, once registered: looking one up by its tags on every answer (building
	 * and sorting them) cost as much as the rest of the timing.
	 */
	private final ConcurrentMap<TimerKey, Timer> timers = new ConcurrentHashMap<>();

	ShortPaths(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * Whether {@code request} is an anonymous {@code GET} of a plain path with no body:
	 * no credential to check, no CORS to answer, nothing for the firewall. {@code HEAD}
	 * takes the full path, where WebFlux answers it: written here, a HEAD answer's length
	 * left the kept-alive connection hanging now and then for the client's next request.
	 */
	public static boolean anonymousPlainRead(ServerHttpRequest request) {
		if (request.getMethod() != HttpMethod.GET) {
			return false;
		}
		HttpHeaders headers = request.getHeaders();
		for (String header : FULL_PATH_HEADERS) {
			if (headers.containsHeader(header)) {
				return false;
			}
		}
		String path = request.getURI().getRawPath();
		return path != null && plain(path);
	}

	/**
	 * Plain segments only: unreserved characters, no encoded ones, no segment that is
	 * empty or starts with a dot. Written out rather than as a regular expression, which
	 * was a few percent of a proxied read's CPU.
	 */
	static boolean plain(String path) {
		if (path.length() < 2 || path.charAt(0) != '/') {
			return false;
		}
		boolean segmentStart = true;
		for (int i = 1; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '/') {
				if (segmentStart) {
					return false;
				}
				segmentStart = true;
			}
			else if (unreserved(c) && !(segmentStart && c == '.')) {
				segmentStart = false;
			}
			else {
				return false;
			}
		}
		return !segmentStart;
	}

	private static boolean unreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

	/**
	 * Records {@code http.server.requests} for an answer a short path gave.
	 * @param uri the route's template, as the full path would tag it
	 * @param start when the request arrived, from {@link System#nanoTime()}
	 */
	public void time(ServerHttpRequest request, ServerHttpResponse response, String uri, long start) {
		HttpStatusCode status = response.getStatusCode();
		int code = (status != null) ? status.value() : 200;
		this.timers
			.computeIfAbsent(new TimerKey(request.getMethod().name(), uri, code),
					(key) -> Timer.builder("http.server.requests")
						.tags("method", key.method(), "uri", key.uri(), "status", String.valueOf(key.status()),
								"outcome", outcome(key.status()), "exception", "none", "error", "none")
						.register(this.meters))
			.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

	private static String outcome(int code) {
		if (code < 200) {
			return "INFORMATIONAL";
		}
		if (code < 300) {
			return "SUCCESS";
		}
		if (code < 400) {
			return "REDIRECTION";
		}
		return (code < 500) ? "CLIENT_ERROR" : "SERVER_ERROR";
	}

	private record TimerKey(String method, String uri, int status) {
	}

}
