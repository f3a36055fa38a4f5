package io.chancery.benchmarks.load;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request of a wrk mix.
 *
 * @param method the HTTP method
 * @param path the path and query, already percent-encoded
 * @param headers extra headers
 * @param body the body, if any
 */
public record WrkRequest(String method, String path, Map<String, String> headers, @Nullable String body) {

	public static WrkRequest get(String path) {
		return new WrkRequest("GET", path, Map.of(), null);
	}

	public static WrkRequest postJson(String path, String body) {
		return new WrkRequest("POST", path, Map.of("Content-Type", "application/json"), body);
	}

}
