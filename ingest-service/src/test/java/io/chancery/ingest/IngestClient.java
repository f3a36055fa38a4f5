package io.chancery.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Plain HTTP against the running service, the way an editor's tool calls it. */
final class IngestClient {

	static final String EDITOR_KEY = "editor-key-for-tests";

	static final String READER_KEY = "reader-key-for-tests";

	static final String ADMIN_KEY = "admin-key-for-tests";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	IngestClient(String base) {
		this.base = base;
	}

	String base() {
		return this.base;
	}

	HttpResponse<String> send(String method, String path, String contentType, String body, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Waits until the instance whose management port answers at {@code management} is
	 * ready: it has read the topics' revisions.
	 */
	static void awaitReady(String management) {
		IngestClient actuator = new IngestClient(management);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(actuator.send("GET", "/actuator/health/readiness", null, null).statusCode())
				.isEqualTo(200));
	}

	HttpResponse<String> asEditor(String method, String path, String body, String... headers) throws Exception {
		String[] all = new String[headers.length + 2];
		all[0] = "X-Api-Key";
		all[1] = EDITOR_KEY;
		System.arraycopy(headers, 0, all, 2, headers.length);
		return send(method, path, (body != null) ? "application/json" : null, body, all);
	}

}
