package io.chancery.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

import io.chancery.demo.DemoCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills a new local platform with the demo catalog, once per state directory, through
 * ingest-service's public import route, as an importer would. The file
 * {@code demo-content} in the state directory remembers where that stands:
 * {@code pending} (a new state directory, or an import that failed and is retried on the
 * next start), {@code loaded}, or {@code skipped}. A state directory from before demo
 * content, which has no such file, is left as it is. {@code CHANCERY_DEMO=false} or
 * {@code -Dchancery.demo=false} skips it.
 */
final class DemoContent {

	/** The seed the local run and the README use. */
	static final long SEED = 1;

	private static final String MARKER = "demo-content";

	private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path marker;

	private final boolean fresh;

	private DemoContent(Path marker, boolean fresh) {
		this.marker = marker;
		this.fresh = fresh;
	}

	/**
	 * Notes, before the platform starts, whether its state directory is new: a fresh
	 * start empties it later, and Kafka's data directory is made on the first start.
	 */
	static DemoContent prepare(Settings settings) throws IOException {
		Path home = settings.home();
		DemoContent demo = new DemoContent(home.resolve(MARKER), settings.fresh());
		if (!settings.fresh() && Files.notExists(home.resolve("kafka")) && Files.notExists(demo.marker)) {
			Files.createDirectories(home);
			demo.mark("pending");
		}
		return demo;
	}

	/** Imports the catalog if this state directory is still due for it. */
	void importIfDue(int ingestPort, String editorKey, Consumer<String> step) throws IOException {
		if (!this.fresh && !state().equals("pending")) {
			return;
		}
		if (!wanted()) {
			mark("skipped");
			step.accept("Demo content skipped (CHANCERY_DEMO=false or -Dchancery.demo=false)");
			return;
		}
		mark("pending");
		DemoCatalog catalog = DemoCatalog.generate(SEED, LocalDate.now(ZoneId.of("Europe/London")));
		step.accept("Importing the " + catalog + " into ingest-service");
		long started = System.nanoTime();
		try {
			HttpResponse<String> response = post(catalog, ingestPort, editorKey);
			double seconds = (System.nanoTime() - started) / 1e9;
			JsonNode report = JSON.readTree(response.body());
			if (response.statusCode() != 200 || !report.path("state").asString("").equals("completed")) {
				step.accept("Demo content import stopped after " + String.format("%.1f s", seconds) + " (HTTP "
						+ response.statusCode() + "): " + abbreviate(response.body())
						+ "; it is retried on the next start");
				return;
			}
			String summary = String.format("%d lines, %d accepted, %d rejected", report.path("lines").asLong(),
					report.path("accepted").asLong(), report.path("rejected").asLong());
			mark("loaded " + catalog + ": " + summary);
			step.accept(String.format("Demo content imported in %.1f s: %s", seconds, summary));
			for (JsonNode rejection : report.path("rejections")) {
				step.accept("  rejected line " + rejection.path("line").asLong() + ": "
						+ rejection.path("reason").asString(""));
			}
		}
		catch (IOException | RuntimeException ex) {
			step.accept("Demo content import failed: " + ex.getMessage() + "; it is retried on the next start");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static HttpResponse<String> post(DemoCatalog catalog, int ingestPort, String editorKey)
			throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		// Streamed line by line as the catalog is generated; the import route reads it
		// the
		// same way.
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/api/v1/import"))
			.timeout(IMPORT_TIMEOUT)
			.header("Content-Type", "application/x-ndjson")
			.header("X-Api-Key", editorKey)
			.header("Import-Id", "demo-content-" + catalog.seed() + "-" + catalog.until())
			.POST(HttpRequest.BodyPublishers.ofByteArrays(
					() -> catalog.lines().map((line) -> (line + "\n").getBytes(StandardCharsets.UTF_8)).iterator()))
			.build();
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static boolean wanted() {
		String environment = System.getenv("CHANCERY_DEMO");
		return !"false".equalsIgnoreCase(System.getProperty("chancery.demo", "true"))
				&& !"false".equalsIgnoreCase((environment != null) ? environment.strip() : "true");
	}

	private String state() throws IOException {
		if (Files.notExists(this.marker)) {
			return "";
		}
		String content = Files.readString(this.marker).strip();
		int space = content.indexOf(' ');
		return (space < 0) ? content : content.substring(0, space);
	}

	private void mark(String state) throws IOException {
		Files.writeString(this.marker, state + "\n");
	}

	private static String abbreviate(String text) {
		String line = text.strip().replace('\n', ' ');
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

}
