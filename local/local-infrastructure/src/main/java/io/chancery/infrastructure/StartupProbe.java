package io.chancery.infrastructure;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * Asks a starting process over HTTP, again and again, until it answers as wanted, it
 * exits, or the time is up: how the local run waits for Elasticsearch, the services and
 * the benchmarks' nginx. A refused connection means not listening yet.
 */
public final class StartupProbe {

	/** How the wait ended. */
	public enum Outcome {

		/** The process answered as wanted. */
		READY,

		/** The process exited first. */
		EXITED,

		/** Neither within the time given. */
		TIMED_OUT

	}

	private StartupProbe() {
	}

	/**
	 * Waits for an answer whose status {@code ready} accepts.
	 * @param alive whether the process still runs, asked before each try
	 * @param interval the pause between tries
	 * @throws IllegalStateException if the waiting thread is interrupted
	 */
	public static Outcome await(HttpClient client, HttpRequest request, IntPredicate ready, BooleanSupplier alive,
			Duration timeout, Duration interval) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (!alive.getAsBoolean()) {
				return Outcome.EXITED;
			}
			try {
				if (ready.test(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode())) {
					return Outcome.READY;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + request.uri(), ex);
			}
			if (System.nanoTime() > deadline) {
				return Outcome.TIMED_OUT;
			}
			try {
				Thread.sleep(interval.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + request.uri(), ex);
			}
		}
	}

}
