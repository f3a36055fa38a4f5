package io.chancery.benchmarks.load;

/**
 * What one wrk run measured, from its own latency histogram.
 *
 * @param label what ran
 * @param threads wrk threads
 * @param connections open connections
 * @param seconds how long it ran
 * @param requests completed requests
 * @param requestsPerSecond completed requests per second
 * @param socketErrors connect, read and write errors and timeouts
 * @param non2xx answers with a status other than 2xx or 3xx
 * @param flagged answers that had the watched header value (for example degraded home
 * pages), or 0 when nothing was watched
 * @param megabytesPerSecond response bytes per second, in MB
 * @param latency latency percentiles in milliseconds
 */
public record WrkResult(String label, int threads, int connections, double seconds, long requests,
		double requestsPerSecond, long socketErrors, long non2xx, long flagged, double megabytesPerSecond,
		LatencySummary latency) {

	/**
	 * Answers per second that were successes: neither errors, nor non-2xx, nor flagged (a
	 * degraded home page served fast is not throughput).
	 */
	public double successesPerSecond() {
		return Math.max(0, this.requests - this.non2xx - this.flagged) / this.seconds;
	}

	/** Whether every request was answered with a success. */
	public boolean clean() {
		return this.socketErrors == 0 && this.non2xx == 0 && this.flagged == 0 && this.requests > 0;
	}

}
