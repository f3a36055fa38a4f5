package io.chancery.benchmarks.load;

/**
 * Latency percentiles, in milliseconds.
 *
 * @param count samples
 * @param mean the mean
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the highest sample
 */
public record LatencySummary(long count, double mean, double p50, double p90, double p99, double p999, double max) {

	static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);

}
