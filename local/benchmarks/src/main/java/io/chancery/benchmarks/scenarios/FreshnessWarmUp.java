package io.chancery.benchmarks.scenarios;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.chancery.benchmarks.content.ArticleLines;
import io.chancery.benchmarks.http.Http;

/**
 * The freshness scenario's unmeasured start: writes through the gateway until the write
 * path is compiled, then a wait for search to have indexed them, so the measured writes
 * neither pay for the JIT nor queue behind the warm-up's.
 */
final class FreshnessWarmUp {

	private static final int WRITERS = 16;

	private static final int CATCH_UP_SECONDS = 30;

	private static final int SETTLE_SECONDS = 5;

	private final Context context;

	private final ArticleLines articles;

	private final int articleBytes;

	FreshnessWarmUp(Context context, ArticleLines articles, int articleBytes) {
		this.context = context;
		this.articles = articles;
		this.articleBytes = articleBytes;
	}

	/**
	 * Single writes through the gateway from {@value #WRITERS} closed-loop writers,
	 * unmeasured, so the write path is compiled before the measured run (it reaches its
	 * speed only after a minute or more of load otherwise), then a pause for
	 * search-service to index them.
	 */
	void run(String tag, Duration duration) throws InterruptedException {
		this.context.say("Freshness: warming the write path up for " + duration.toSeconds() + " s");
		String gateway = this.context.platform().gatewayUrl();
		long end = System.nanoTime() + duration.toNanos();
		AtomicInteger written = new AtomicInteger();
		List<Thread> writers = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			writers.add(Thread.ofVirtual().start(() -> {
				for (int n = 0; System.nanoTime() < end; n++) {
					String id = "warm-" + writer + "-" + n;
					String body = this.articles.request(n, id, tag, OffsetDateTime.now(ZoneOffset.UTC),
							this.articleBytes);
					try {
						int status = this.context.http()
							.client()
							.send(Http.request(gateway + "/api/v1/articles/" + id + "/en")
								.timeout(Duration.ofSeconds(30))
								.header("X-Api-Key", this.context.platform().editorKey())
								.header("Content-Type", "application/json")
								.PUT(HttpRequest.BodyPublishers.ofString(body))
								.build(), HttpResponse.BodyHandlers.discarding())
							.statusCode();
						if (status / 100 == 2) {
							written.incrementAndGet();
						}
					}
					catch (java.io.IOException ex) {
						// A warm-up write that fails still warmed something up.
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}));
		}
		for (Thread writer : writers) {
			writer.join();
		}
		this.context.say("Freshness: " + written.get() + " warm-up writes; letting search-service catch up");
		awaitSearchable(tag, written.get());
	}

	/**
	 * Waits until search finds every warm-up write, so the measured writes do not queue
	 * behind them, or at most {@value #CATCH_UP_SECONDS} s; and at least
	 * {@value #SETTLE_SECONDS} s, so the compilations the warm-up started are done before
	 * the measured writes begin.
	 */
	private void awaitSearchable(String tag, int written) throws InterruptedException {
		String url = this.context.platform().gatewayUrl() + "/api/v1/search?size=1&tag=" + tag;
		long start = System.nanoTime();
		Thread.sleep(Duration.ofSeconds(SETTLE_SECONDS));
		long end = start + Duration.ofSeconds(CATCH_UP_SECONDS).toNanos();
		while (System.nanoTime() < end) {
			try {
				// Search counts exactly up to 10,000.
				if (this.context.http().getJson(url).path("total").asLong() >= Math.min(written, 10_000)) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// Asked again below.
			}
			Thread.sleep(Freshness.POLL_EVERY.toMillis());
		}
		this.context.say("Freshness: search did not find every warm-up write within " + CATCH_UP_SECONDS + " s");
	}

}
