package io.chancery.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 (never an h2c upgrade, which neither Elasticsearch nor the peers speak) with
 * JSON bodies; anything but the expected status is an error that quotes the answer.
 */
public final class Http {

	/** The one JSON mapper of the benchmarks. */
	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public HttpClient client() {
		return this.client;
	}

	/** A request builder for {@code url}, HTTP/1.1, with the default timeout. */
	public static HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url)).version(HttpClient.Version.HTTP_1_1).timeout(TIMEOUT);
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), ex);
		}
	}

	/** Sends and returns the body, failing unless the status is 2xx. */
	public String body(HttpRequest request) {
		HttpResponse<String> response = send(request);
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
					+ response.statusCode() + ": " + abbreviate(response.body()));
		}
		return response.body();
	}

	public JsonNode getJson(String url, String... headers) {
		return JSON.readTree(body(with(request(url), headers).GET().build()));
	}

	public JsonNode sendJson(String method, String url, String json, String... headers) {
		HttpRequest request = with(request(url), headers).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build();
		return JSON.readTree(body(request));
	}

	/** Sends and returns the status, whatever it is. */
	public int status(String method, String url) {
		return send(request(url).method(method, HttpRequest.BodyPublishers.noBody()).build()).statusCode();
	}

	private static HttpRequest.Builder with(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	public static String abbreviate(String text) {
		return (text.length() > 600) ? text.substring(0, 600) + "…" : text;
	}

}
