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
import java.time.LocalDate;
import java.time.ZoneId;
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
 * editor its own items, so it knows their revisions), an editor of events with "days
 * since" counters, small imports, and a reader asking for searches, listings, the home
 * page and the counters. Every request and its answer is an {@link Observation}.
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

	/** Events withdrawn for good with a sure answer. */
	private final Set<String> goneEvents = ConcurrentHashMap.newKeySet();

	/** The events written, by id: what their counters must show. */
	private final Map<String, EventState> events = new ConcurrentHashMap<>();

	/** Each import answered 200: its items' ids and how many it reported stored. */
	private final List<ImportAnswer> imports = new CopyOnWriteArrayList<>();

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

	/**
	 * An event of the storm and where it stands.
	 *
	 * @param date its date, which its counter counts from and no change moves
	 * @param zone its counter's zone
	 * @param state whether it is live, withdrawn (either way) or uncertain: a change
	 * never answered for sure, so nothing is known of whether it was stored
	 * @param milestoneDue whether its counter reached its milestone of 100 days within
	 * the grace period when it was created, so counter-service announces it
	 */
	record EventState(LocalDate date, String zone, State state, boolean milestoneDue) {

		enum State {

			LIVE, WITHDRAWN, UNCERTAIN

		}

		EventState becomes(State next) {
			return new EventState(this.date, this.zone, next, this.milestoneDue);
		}

	}

	/**
	 * An import answered 200.
	 *
	 * @param ids its items' ids, in line order
	 * @param accepted how many lines it reported stored
	 */
	record ImportAnswer(List<String> ids, long accepted) {
	}

	void start(int editors, long seed) {
		for (int e = 0; e < editors; e++) {
			int editor = e;
			this.threads.add(Thread.ofPlatform().name("storm-editor-" + e).start(() -> edit(editor, seed + editor)));
		}
		this.threads.add(Thread.ofPlatform().name("storm-events").start(() -> editEvents(seed + editors)));
		this.threads.add(Thread.ofPlatform().name("storm-reader").start(this::read));
		this.threads.add(Thread.ofPlatform().name("storm-importer").start(this::importNow));
	}

	void stop() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.threads) {
			thread.join();
		}
	}

	/** Milliseconds since the load was made, the clock of the observations. */
	long elapsedMillis() {
		return (System.nanoTime() - this.started) / 1_000_000;
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

	Set<String> goneEvents() {
		return this.goneEvents;
	}

	Map<String, EventState> events() {
		return this.events;
	}

	List<ImportAnswer> imports() {
		return this.imports;
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

	/**
	 * Events with a counter since their date, some of which reached their milestone of
	 * 100 days in the last few days: created, retitled with {@code If-Match}, withdrawn
	 * with a note or for good. A change with no sure answer (a 503, a 429, none at all)
	 * is sent again with the same Idempotency-Key until it has one, as a careful client
	 * does, so each event's state is known and its counter can be checked exactly; with
	 * one writer per event, a 409 or 410 to such a retry means the first attempt was
	 * stored.
	 */
	private void editEvents(long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		Map<String, Long> live = new java.util.LinkedHashMap<>();
		int next = 0;
		while (this.running.get()) {
			int choice = random.nextInt(100);
			if (live.isEmpty() || choice < 40) {
				String id = this.tag + "-event-" + next++;
				String zone = ZONES.get(random.nextInt(ZONES.size()));
				boolean milestone = random.nextBoolean();
				// Milestones reached 0 to 3 days ago are due (grace: 7 days); 200 days
				// and more are past it.
				long daysAgo = milestone ? random.nextLong(100, 104) : random.nextLong(200, 3000);
				LocalDate date = LocalDate.now(ZoneId.of(zone)).minusDays(daysAgo);
				this.events.put(id, new EventState(date, zone, EventState.State.UNCERTAIN, milestone));
				Sure answer = sure("POST", "/api/v1/events", event(id, date, zone, "Created " + id), null);
				if (answer.stored()) {
					this.events.put(id, this.events.get(id).becomes(EventState.State.LIVE));
					live.put(id, answer.revision());
					acknowledge("event", id, answer.revision());
				}
				else if (answer.known()) {
					this.events.remove(id);
				}
			}
			else {
				List<String> ids = new ArrayList<>(live.keySet());
				String id = ids.get(random.nextInt(ids.size()));
				EventState state = this.events.get(id);
				String path = "/api/v1/events/" + id + "/en";
				Sure answer;
				boolean withdrawal = choice >= 85;
				boolean forGood = choice >= 93;
				if (!withdrawal) {
					answer = sure("PUT", path, event(id, state.date(), state.zone(), "Retitled " + id + " " + next++),
							live.get(id));
				}
				else {
					answer = sure("DELETE", path + (forGood ? "" : "?note=Withdrawn%20in%20a%20storm"), null,
							live.get(id));
				}
				if (!answer.known()) {
					this.events.put(id, state.becomes(EventState.State.UNCERTAIN));
					live.remove(id);
				}
				else if (answer.stored()) {
					if (answer.revision() > 0) {
						acknowledge("event", id, answer.revision());
					}
					if (withdrawal) {
						if (forGood) {
							this.goneEvents.add(id);
						}
						this.events.put(id, state.becomes(EventState.State.WITHDRAWN));
						live.remove(id);
					}
					else {
						live.put(id, answer.revision());
					}
				}
			}
			pause(300);
		}
	}

	/**
	 * What a change came to: stored (with its revision when the answer said it), not
	 * stored, or unknown after every retry.
	 */
	record Sure(boolean known, boolean stored, long revision) {
	}

	private Sure sure(String method, String path, String json, Long ifMatch) {
		String key = UUID.randomUUID().toString();
		boolean retried = false;
		for (int attempt = 0; attempt < 40; attempt++) {
			HttpResponse<String> answer = send("events", method, path, json, ifMatch, key);
			int status = (answer != null) ? answer.statusCode() : -1;
			if (status >= 200 && status < 300) {
				return new Sure(true, true, revision(answer));
			}
			if (retried && (status == 409 || status == 410)) {
				// Stored by an attempt whose answer was lost; its revision is the current
				// one.
				long current = answer.headers()
					.firstValue("ETag")
					.map((tag) -> Long.parseLong(tag.replace("\"", "")))
					.orElse(0L);
				return new Sure(true, true, current);
			}
			if (status != 503 && status != 429 && status != -1) {
				return new Sure(true, false, 0);
			}
			retried = true;
			pause(1000);
		}
		return new Sure(false, false, 0);
	}

	private static final List<String> ZONES = List.of("Europe/London", "Asia/Kathmandu", "Pacific/Chatham",
			"America/New_York", "Europe/Moscow");

	private String event(String id, LocalDate date, String zone, String title) {
		return "{\"id\":\"" + id + "\",\"locale\":\"en\",\"date\":\"" + date + "\",\"timeZone\":\"" + zone
				+ "\",\"title\":\"" + title + "\",\"counter\":{\"caption\":\"days since " + id + "\",\"timeZone\":\""
				+ zone + "\",\"direction\":\"since\",\"milestones\":[100]," + "\"anniversaries\":false}}";
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
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String id = this.tag + "-import-" + batch + "-" + i;
				ids.add(id);
				lines.append(FaultDrillTests.articleLine(id, "Imported " + id, this.tag)).append('\n');
			}
			batch++;
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.gateway + "/api/v1/import"))
				.timeout(Duration.ofSeconds(60))
				.header("X-Api-Key", this.editorKey)
				.header("Content-Type", "application/x-ndjson")
				.POST(HttpRequest.BodyPublishers.ofString(lines.toString()))
				.build();
			HttpResponse<String> answer = observe("importer", request);
			if (answer != null && answer.statusCode() == 200) {
				this.imports.add(new ImportAnswer(ids,
						io.chancery.contracts.MessageJson.mapper().readTree(answer.body()).path("accepted").asLong()));
			}
		}
	}

	private HttpResponse<String> send(String client, String method, String path, String json, Long ifMatch) {
		return send(client, method, path, json, ifMatch, UUID.randomUUID().toString());
	}

	private HttpResponse<String> send(String client, String method, String path, String json, Long ifMatch,
			String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.timeout(TIMEOUT)
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (!method.equals("GET")) {
			request.header("X-Api-Key", this.editorKey).header("Idempotency-Key", idempotencyKey);
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
		acknowledge("article", id, revision);
	}

	private void acknowledge(String type, String id, long revision) {
		this.acknowledged.computeIfAbsent(type + ":" + id + ":en", (key) -> new CopyOnWriteArrayList<>()).add(revision);
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
