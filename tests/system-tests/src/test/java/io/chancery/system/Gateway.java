package io.chancery.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.chancery.contracts.MessageJson;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Talks to the platform through its gateway, as any client would. */
final class Gateway {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	private final String editorKey;

	private final String adminKey;

	Gateway(String base, String editorKey, String adminKey) {
		this.base = base;
		this.editorKey = editorKey;
		this.adminKey = adminKey;
	}

	JsonNode get(String pathAndQuery) {
		return get(pathAndQuery, false);
	}

	/** A read with the editor's key, which the editorial record needs. */
	JsonNode get(String pathAndQuery, boolean asEditor) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
		if (asEditor) {
			request.header("X-Api-Key", this.editorKey);
		}
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).as("GET %s → %s", pathAndQuery, response.body()).isEqualTo(200);
		return MessageJson.mapper().readTree(response.body());
	}

	HttpResponse<String> send(String method, String pathAndQuery, String json, String... headers) {
		return send(this.editorKey, method, pathAndQuery, json, headers);
	}

	private HttpResponse<String> send(String key, String method, String pathAndQuery, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
			.header("X-Api-Key", key)
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/** A request with the admin's key, and a JSON body if one is given. */
	HttpResponse<String> asAdmin(String method, String pathAndQuery, String json, String... headers) {
		return send(this.adminKey, method, pathAndQuery, json, headers);
	}

	HttpResponse<String> admin(String method, String pathAndQuery) {
		return send(HttpRequest.newBuilder(uri(pathAndQuery))
			.header("X-Api-Key", this.adminKey)
			.method(method, HttpRequest.BodyPublishers.noBody()));
	}

	HttpResponse<String> importNdjson(byte[] body) {
		return send(HttpRequest.newBuilder(uri("/api/v1/import"))
			.header("X-Api-Key", this.editorKey)
			.header("Content-Type", "application/x-ndjson")
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/**
	 * An import with the admin's key, which lines of type {@code stored} (a restore)
	 * need.
	 */
	HttpResponse<String> restore(byte[] body) {
		return send(HttpRequest.newBuilder(uri("/api/v1/import"))
			.header("X-Api-Key", this.adminKey)
			.header("Content-Type", "application/x-ndjson")
			.timeout(Duration.ofMinutes(10))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	HttpResponse<String> raw(String pathAndQuery) {
		return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
	}

	String base() {
		return this.base;
	}

	private URI uri(String pathAndQuery) {
		return URI.create(this.base + pathAndQuery);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
