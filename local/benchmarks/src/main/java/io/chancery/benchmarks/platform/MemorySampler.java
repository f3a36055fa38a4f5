package io.chancery.benchmarks.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples the services' resident memory in the background while the scenarios run and
 * keeps each one's highest reading.
 */
public final class MemorySampler implements AutoCloseable {

	private final Map<String, Long> pids;

	private final Map<String, Long> peaks = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	private MemorySampler(Map<String, Long> pids, Duration every) {
		this.pids = Map.copyOf(pids);
		this.thread = Thread.ofPlatform().daemon().name("memory-sampler").start(() -> {
			while (this.running) {
				sample();
				try {
					Thread.sleep(every.toMillis());
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
	}

	/** Starts sampling {@code pids} (by name) every {@code every}. */
	public static MemorySampler start(Map<String, Long> pids, Duration every) {
		return new MemorySampler(pids, every);
	}

	private void sample() {
		this.pids.forEach((name, pid) -> this.peaks.merge(name, Processes.residentBytes(pid), Math::max));
	}

	/** The highest resident memory seen so far, in bytes, by name. */
	public Map<String, Long> peaks() {
		sample();
		Map<String, Long> ordered = new LinkedHashMap<>();
		this.pids.keySet().stream().sorted().forEach((name) -> ordered.put(name, this.peaks.getOrDefault(name, 0L)));
		return ordered;
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

}
