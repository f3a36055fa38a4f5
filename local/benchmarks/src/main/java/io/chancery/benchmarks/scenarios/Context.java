package io.chancery.benchmarks.scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import io.chancery.benchmarks.elasticsearch.Elasticsearch;
import io.chancery.benchmarks.http.Http;
import io.chancery.benchmarks.load.Wrk;
import io.chancery.benchmarks.platform.Platform;
import io.chancery.benchmarks.platform.Processes;
import io.chancery.benchmarks.profiling.FlightRecorder;

/**
 * What every scenario works with.
 *
 * @param platform the platform under test
 * @param http the HTTP client of this JVM's own load and checks
 * @param elasticsearch the platform's Elasticsearch, spoken to directly as the peer
 * @param wrk the HTTP load generator
 * @param profiler JFR on the services, or a recorder that does nothing
 * @param work a scratch directory for generated files
 * @param load how reads are loaded: durations, threads, connections, rounds
 * @param progress where progress lines go
 */
public record Context(Platform platform, Http http, Elasticsearch elasticsearch, Wrk wrk, FlightRecorder profiler,
		Path work, ReadLoad load, Consumer<String> progress) {

	void say(String line) {
		this.progress.accept(line);
	}

	Map<String, Long> services() {
		return this.platform.processes().services();
	}

	Processes.CpuSnapshot cpu() {
		return this.platform.processes().cpu();
	}

	/**
	 * How the HTTP read scenarios load their targets.
	 *
	 * @param warmup wrk before each measured run, not counted
	 * @param duration the measured throughput run
	 * @param latency the one-connection latency run
	 * @param threads wrk threads for the throughput run
	 * @param connections connections for the throughput run
	 * @param rounds how many times each side is measured, alternating which goes first
	 */
	public record ReadLoad(Duration warmup, Duration duration, Duration latency, int threads, int connections,
			int rounds) {
	}

}
