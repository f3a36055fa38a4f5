package io.chancery.benchmarks.load;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;

/**
 * Latencies recorded by this JVM's own load generator, in an HDR histogram (microsecond
 * resolution, three significant digits), so percentiles are read from every sample rather
 * than estimated.
 */
public final class Latencies {

	private static final long HIGHEST = TimeUnit.MINUTES.toMicros(10);

	private final ConcurrentHistogram histogram = new ConcurrentHistogram(HIGHEST, 3);

	public void recordNanos(long nanos) {
		this.histogram.recordValue(Math.min(HIGHEST, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos))));
	}

	public LatencySummary summary() {
		if (this.histogram.getTotalCount() == 0) {
			return LatencySummary.EMPTY;
		}
		return new LatencySummary(this.histogram.getTotalCount(), this.histogram.getMean() / 1000.0, millis(50),
				millis(90), millis(99), millis(99.9), this.histogram.getMaxValue() / 1000.0);
	}

	private double millis(double percentile) {
		return this.histogram.getValueAtPercentile(percentile) / 1000.0;
	}

}
