package io.chancery.benchmarks.scenarios;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.chancery.benchmarks.http.Http;
import io.chancery.benchmarks.load.Latencies;
import org.jspecify.annotations.Nullable;

/** The writes of one run: how each was answered, and which are not yet seen. */
final class FreshnessWrites {

	final AtomicInteger offered = new AtomicInteger();

	final AtomicInteger accepted = new AtomicInteger();

	final AtomicInteger refused = new AtomicInteger();

	final AtomicInteger timedOut = new AtomicInteger();

	final AtomicInteger failed = new AtomicInteger();

	final AtomicInteger slow = new AtomicInteger();

	final Latencies latencies = new Latencies();

	final Latencies visible = new Latencies();

	final List<String> errors = new CopyOnWriteArrayList<>();

	private final AtomicInteger unanswered = new AtomicInteger();

	private final Map<String, Instant> publishedAt = new ConcurrentHashMap<>();

	/** Sent and neither seen nor failed. */
	private final Map<String, Long> pending = new ConcurrentHashMap<>();

	long sent(String id, Instant published) {
		long now = System.nanoTime();
		this.offered.incrementAndGet();
		this.unanswered.incrementAndGet();
		this.publishedAt.put(id, published);
		this.pending.put(id, now);
		return now;
	}

	void answered(String id, long sent, @Nullable HttpResponse<String> response, @Nullable Throwable failure) {
		long took = System.nanoTime() - sent;
		this.unanswered.decrementAndGet();
		if (took > TimeUnit.SECONDS.toNanos(2)) {
			this.slow.incrementAndGet();
		}
		if (response != null && response.statusCode() == 201) {
			this.latencies.recordNanos(took);
			this.accepted.incrementAndGet();
			return;
		}
		this.pending.remove(id);
		Throwable cause = (failure instanceof java.util.concurrent.CompletionException wrapped
				&& wrapped.getCause() != null) ? wrapped.getCause() : failure;
		if (cause instanceof java.net.http.HttpTimeoutException) {
			this.timedOut.incrementAndGet();
			return;
		}
		this.latencies.recordNanos(took);
		if (response != null && (response.statusCode() == 503 || response.statusCode() == 429)) {
			this.refused.incrementAndGet();
			return;
		}
		this.failed.incrementAndGet();
		if (this.errors.size() < 5) {
			this.errors.add((response != null) ? response.statusCode() + " " + Http.abbreviate(response.body())
					: String.valueOf(cause));
		}
	}

	void seen(String id, long answered) {
		Long sent = this.pending.remove(id);
		if (sent != null) {
			this.visible.recordNanos(answered - sent);
		}
	}

	@Nullable Instant publishedAt(String id) {
		return this.publishedAt.get(id);
	}

	/**
	 * Where the reader starts: the oldest publication time among the articles not yet
	 * seen that are younger than {@link Freshness#NOT_VISIBLE_AFTER}, so one that never
	 * shows does not hold every later poll back.
	 */
	@Nullable Instant oldestUnseen() {
		long horizon = System.nanoTime() - Freshness.NOT_VISIBLE_AFTER.toNanos();
		Instant oldest = null;
		for (Map.Entry<String, Long> each : this.pending.entrySet()) {
			Instant published = this.publishedAt.get(each.getKey());
			if (each.getValue() > horizon && published != null && (oldest == null || published.isBefore(oldest))) {
				oldest = published;
			}
		}
		return oldest;
	}

	int unanswered() {
		return this.unanswered.get();
	}

	long unseen() {
		return this.pending.size();
	}

}
