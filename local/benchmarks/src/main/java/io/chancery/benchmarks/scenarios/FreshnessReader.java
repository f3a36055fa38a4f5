package io.chancery.benchmarks.scenarios;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.chancery.benchmarks.http.Http;
import tools.jackson.databind.JsonNode;

/**
 * The reader: each poll asks for the run's articles published since the oldest one it has
 * not seen, oldest first, and reads on while pages come back full.
 */
final class FreshnessReader {

	final AtomicLong polls = new AtomicLong();

	final AtomicLong pages = new AtomicLong();

	final AtomicInteger errors = new AtomicInteger();

	/** The largest page search-service serves. */
	private static final int PAGE = 100;

	/** Pages one poll reads at most, when more than a page became visible at once. */
	private static final int PAGES_PER_POLL = 20;

	private final Context context;

	private final String tag;

	private final FreshnessWrites writes;

	FreshnessReader(Context context, String tag, FreshnessWrites writes) {
		this.context = context;
		this.tag = tag;
		this.writes = writes;
	}

	void poll() {
		// An exception would end a scheduled task for good: count it and go on.
		try {
			Instant from = this.writes.oldestUnseen();
			if (from == null) {
				return;
			}
			this.polls.incrementAndGet();
			for (int page = 0; page < PAGES_PER_POLL; page++) {
				List<String> ids = page(from);
				long answered = System.nanoTime();
				ids.forEach((id) -> this.writes.seen(id, answered));
				Instant last = ids.isEmpty() ? null : this.writes.publishedAt(ids.get(ids.size() - 1));
				if (ids.size() < PAGE || last == null || !last.isAfter(from)) {
					return;
				}
				from = last;
			}
		}
		catch (RuntimeException ex) {
			if (this.errors.incrementAndGet() <= 3) {
				this.writes.errors.add("poll " + ex + ((ex.getCause() != null) ? " (" + ex.getCause() + ")" : ""));
			}
		}
	}

	private List<String> page(Instant from) {
		this.pages.incrementAndGet();
		String url = this.context.platform().gatewayUrl() + "/api/v1/search?tag=" + this.tag
				+ "&order=oldest&date-field=published&size=" + PAGE + "&from=" + from;
		HttpResponse<String> answer = this.context.http()
			.send(Http.request(url).timeout(Duration.ofSeconds(5)).GET().build());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException(answer.statusCode() + " " + Http.abbreviate(answer.body()));
		}
		List<String> ids = new ArrayList<>();
		for (JsonNode result : Http.JSON.readTree(answer.body()).path("results")) {
			ids.add(result.path("id").asString());
		}
		return ids;
	}

}
