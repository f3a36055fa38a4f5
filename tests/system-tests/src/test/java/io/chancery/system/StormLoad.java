package io.chancery.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The steady mixed load of a storm, through the gateways: editors creating articles,
 * replacing them with {@code If-Match}, withdrawing them with a note and for good (each
 * editor its own items, so it knows their revisions), small imports, and a reader asking
 * for searches, listings, the home page and the counters. Every request and its answer is
 * an {@link Observation}.
 */
final class StormLoad {

	/**
	 * Past the gateway's 10 s upstream timeout: a request still unanswered then hangs.
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final String gateway;

	private final String editorKey;

	private final String tag;

	private final long started = System.nanoTime();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final List<Observation> observations = new CopyOnWriteArrayList<>();

	/** Every revision acknowledged, by key ({@code article:id:en}). */
	private final Map<String, List<Long>> acknowledged = new ConcurrentHashMap<>();

	/** Items withdrawn for good with a 2xx. */
	private final Set<String> gone = ConcurrentHashMap.newKeySet();

	private final List<Thread> threads = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	StormLoad(String gateway, String editorKey, String tag) {
		this.gateway = gateway;
		this.editorKey = editorKey;
		this.tag = tag;
	}

	/**
	 * One request and what came back: the status, or {@code -1} for no answer (the
	 * exception's name in {@code failure}).
	 */
	record Observation(long atMillis, String client, String method, String path, int status, boolean retryAfter,
			long tookMillis, String failure) {

		String line() {
			return this.atMillis + "\t" + this.client + "\t" + this.method + "\t" + this.path + "\t" + this.status
					+ "\t" + (this.retryAfter ? "retry-after" : "-") + "\t" + this.tookMillis + "\t" + this.failure;
		}

	}

	void start(int editors, long seed) {
		for (int e = 0; e < editors; e++) {
			int editor = e;
			this.threads.add(Thread.ofPlatform().name("storm-editor-" + e).start(() -> edit(editor, seed + editor)));
		}
		this.threads.add(Thread.ofPlatform().name("storm-reader").start(this::read));
		this.threads.add(Thread.ofPlatform().name("storm-importer").start(this::importNow));
	}

	void stop() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.threads) {
			thread.join();
		}
	}

	List<Observation> observations() {
		return this.observations;
	}

	Map<String, List<Long>> acknowledged() {
		return this.acknowledged;
	}

	Set<String> gone() {
		return this.gone;
	}

	void write(Path file) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add("ms\tclient\tmethod\tpath\tstatus\tretry-after\ttook-ms\tfailure");
		this.observations.forEach((observation) -> lines.add(observation.line()));
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	/** One editor's items: id → current revision; its choices from its own seed. */
	private void edit(int editor, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		Map<String, Long> live = new java.util.LinkedHashMap<>();
		int next = 0;
		String client = "editor-" + editor;
		while (this.running.get()) {
			int choice = random.nextInt(100);
			if (live.isEmpty() || choice < 40) {
				String id = this.tag + "-" + editor + "-" + next++;
				HttpResponse<String> answer = send(client, "POST", "/api/v1/articles", article(id, "Created " + id),
						null);
				if (answer != null && answer.statusCode() == 201) {
					long revision = revision(answer);
					acknowledge(id, revision);
					live.put(id, revision);
				}
			}
			else {
				List<String> ids = new ArrayList<>(live.keySet());
				String id = ids.get(random.nextInt(ids.size()));
				long current = live.get(id);
				String path = "/api/v1/articles/" + id + "/en";
				HttpResponse<String> answer;
				if (choice < 80) {
					answer = send(client, "PUT", path, article(id, "Replaced " + id + " " + next++), current);
				}
				else if (choice < 93) {
					answer = send(client, "DELETE", path + "?note=Withdrawn%20in%20a%20storm", null, current);
				}
				else {
					answer = send(client, "DELETE", path, null, current);
					if (answer != null && answer.statusCode() == 200) {
						this.gone.add(id);
						acknowledge(id, revision(answer));
						live.remove(id);
					}
				}
				if (answer != null && answer.statusCode() == 200 && live.containsKey(id)) {
					long revision = revision(answer);
					acknowledge(id, revision);
					live.put(id, revision);
				}
				else if (answer != null && answer.statusCode() == 409) {
					// A change answered 503 that Kafka committed after all: its revision
					// is the current one now.
					answer.headers()
						.firstValue("ETag")
						.ifPresent((tag) -> live.put(id, Long.parseLong(tag.replace("\"", ""))));
				}
				else if (answer != null && answer.statusCode() == 410) {
					live.remove(id);
				}
			}
			pause(100);
		}
	}

	private void read() {
		List<String> paths = List.of("/api/v1/search?tag=" + this.tag + "&size=20", "/api/v1/home", "/api/v1/counters",
				"/api/v1/articles?size=10", "/api/v1/search?q=storm&size=5");
		int n = 0;
		while (this.running.get()) {
			send("reader", "GET", paths.get(n++ % paths.size()), null, null);
			pause(200);
		}
	}

	private void importNow() {
		int batch = 0;
		while (this.running.get()) {
			pause(20_000);
			StringBuilder lines = new StringBuilder();
			for (int i = 0; i < 20; i++) {
				String id = this.tag + "-import-" + batch + "-" + i;
				lines.append(FaultDrillTests.articleLine(id, "Imported " + id, this.tag)).append('\n');
			}
			batch++;
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/v1/import"))
				.timeout(Duration.ofSeconds(60))
				.header("X-Api-Key", this.editorKey)
				.header("Content-Type", "application/x-ndjson")
				.POST(HttpRequest.BodyPublishers.ofString(lines.toString()))
				.build();
			observe("importer", request);
		}
	}

	private HttpResponse<String> send(String client, String method, String path, String json, Long ifMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(TIMEOUT)
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (!method.equals("GET")) {
			request.header("X-Api-Key", this.editorKey).header("Idempotency-Key", UUID.randomUUID().toString());
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (ifMatch != null) {
			request.header("If-Match", "\"" + ifMatch + "\"");
		}
		return observe(client, request.build());
	}

	private HttpResponse<String> observe(String client, HttpRequest request) {
		long sent = System.nanoTime();
		long at = (sent - this.started) / 1_000_000;
		String path = request.uri().getRawPath()
				+ ((request.uri().getRawQuery() != null) ? "?" + request.uri().getRawQuery() : "");
		try {
			HttpResponse<String> answer = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			this.observations.add(new Observation(at, client, request.method(), path, answer.statusCode(),
					answer.headers().firstValue("Retry-After").isPresent(), (System.nanoTime() - sent) / 1_000_000,
					(answer.statusCode() >= 500 && answer.statusCode() != 503) ? oneLine(answer.body()) : ""));
			return answer;
		}
		catch (HttpTimeoutException ex) {
			this.observations.add(new Observation(at, client, request.method(), path, -1, false,
					(System.nanoTime() - sent) / 1_000_000, "timeout"));
		}
		catch (IOException ex) {
			this.observations.add(new Observation(at, client, request.method(), path, -1, false,
					(System.nanoTime() - sent) / 1_000_000, ex.getClass().getSimpleName()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	private void acknowledge(String id, long revision) {
		this.acknowledged.computeIfAbsent("article:" + id + ":en", (key) -> new CopyOnWriteArrayList<>()).add(revision);
	}

	private String article(String id, String title) {
		return FaultDrillTests.articleLine(id, title, this.tag).replace("\"type\":\"article\",", "");
	}

	private static long revision(HttpResponse<String> answer) {
		return Long.parseLong(answer.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
	}

	private static String oneLine(String body) {
		String line = body.replace('\n', ' ').replace('\t', ' ');
		return (line.length() > 200) ? line.substring(0, 200) : line;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
