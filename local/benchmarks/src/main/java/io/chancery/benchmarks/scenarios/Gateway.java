package io.chancery.benchmarks.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

import io.chancery.benchmarks.http.Http;
import tools.jackson.databind.JsonNode;

/**
 * The platform's public API through its gateway, as editors, operators and readers use
 * it.
 */
final class Gateway {

	private final Context context;

	Gateway(Context context) {
		this.context = context;
	}

	String url() {
		return this.context.platform().gatewayUrl();
	}

	/**
	 * Imports an NDJSON file through {@code POST /api/v1/import} and returns the report
	 * after checking that every line was accepted.
	 */
	JsonNode importFile(Path file, String importId, long lines) {
		HttpRequest request;
		try {
			request = Http.request(url() + "/api/v1/import")
				.timeout(Duration.ofHours(1))
				.header("X-Api-Key", this.context.platform().editorKey())
				.header("Content-Type", "application/x-ndjson")
				.header("Import-Id", importId)
				.POST(HttpRequest.BodyPublishers.ofFile(file))
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		JsonNode report = Http.JSON.readTree(this.context.http().body(request));
		if (report.path("accepted").asLong() != lines || report.path("rejected").asLong() != 0) {
			throw new IllegalStateException("Import " + importId + " accepted " + report.path("accepted").asLong()
					+ " of " + lines + " lines: " + Http.abbreviate(report.toString()));
		}
		return report;
	}

	JsonNode get(String pathAndQuery) {
		return this.context.http().getJson(url() + pathAndQuery);
	}

	byte[] getBytes(String pathAndQuery) {
		return this.context.http()
			.body(Http.request(url() + pathAndQuery).GET().build())
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	JsonNode admin(String method, String path) {
		return Http.JSON.readTree(this.context.http()
			.body(Http.request(url() + path)
				.header("X-Api-Key", this.context.platform().adminKey())
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build()));
	}

}
