package io.chancery.localrun;

import java.time.Duration;

import java.util.List;

import io.chancery.infrastructure.ElasticsearchCluster;
import io.chancery.infrastructure.ElasticsearchClusterNode;
import io.chancery.infrastructure.GuardedProcess;
import io.chancery.infrastructure.KafkaCluster;
import io.chancery.infrastructure.KafkaClusterNode;
import io.chancery.infrastructure.Signals;

/**
 * The faults drills and benchmarks apply to a running {@link LocalPlatform}, each as it
 * happens in production: a process killed without warning, a process started again as it
 * was configured, an engine stopped and started again with its data. Each call returns
 * once the fault is applied, or once what was restarted is ready again. Services are
 * named as the platform names its processes ({@code search-service},
 * {@code ingest-service-2}; see {@link LocalPlatform#ingestReplicas()}).
 */
public final class Faults {

	private final LocalPlatform platform;

	Faults(LocalPlatform platform) {
		this.platform = platform;
	}

	/**
	 * Kills a service's JVM with SIGKILL, as a crash or an OOM killer would: no shutdown
	 * hooks, no graceful stop.
	 */
	public void kill(String service) {
		GuardedProcess process = this.platform.process(service);
		for (long pid : process.descendantPids()) {
			ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (process.isAlive() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		process.close();
		this.platform.forget(process);
		this.platform.step(service + " killed");
	}

	/**
	 * Pauses a service's JVM with {@code SIGSTOP}: it stops answering and sending
	 * heartbeats without going away, as a frozen VM or a long pause would.
	 */
	public void pause(String service) {
		this.platform.process(service).descendantPids().forEach(Signals::stop);
		this.platform.step(service + " paused");
	}

	/** {@code SIGCONT} after {@link #pause}. */
	public void resume(String service) {
		this.platform.process(service).descendantPids().forEach(Signals::resume);
		this.platform.step(service + " resumed");
	}

	/**
	 * Starts a service again, as configured at first, and waits until it is ready; a
	 * service still running is stopped gracefully first.
	 */
	public void restart(String service) {
		GuardedProcess old = this.platform.process(service);
		if (old.isAlive()) {
			old.close();
			this.platform.forget(old);
		}
		this.platform.startAgain(service);
	}

	/**
	 * The Kafka nodes, to kill, pause or restart one, when the engines run as clusters
	 * ({@link Settings#withClusteredEngines()}).
	 * @throws IllegalStateException when Kafka runs as one node
	 */
	public List<? extends KafkaClusterNode> kafkaNodes() {
		KafkaCluster cluster = this.platform.engines().kafkaCluster();
		if (cluster == null) {
			throw new IllegalStateException("Kafka runs as one node: use restartKafka");
		}
		return cluster.nodes();
	}

	/**
	 * The Elasticsearch nodes, data nodes first, when the engines run as clusters.
	 * @throws IllegalStateException when Elasticsearch runs as one node
	 */
	public List<? extends ElasticsearchClusterNode> elasticsearchNodes() {
		ElasticsearchCluster cluster = this.platform.engines().elasticsearchCluster();
		if (cluster == null) {
			throw new IllegalStateException("Elasticsearch runs as one node: use stopElasticsearch");
		}
		return cluster.nodes();
	}

	/** Stops Elasticsearch gracefully, keeping its data. */
	public void stopElasticsearch() {
		this.platform.engines().stopElasticsearch();
	}

	/**
	 * Starts Elasticsearch again on its port with its data, and waits until it answers.
	 */
	public void startElasticsearch() {
		this.platform.engines().startElasticsearch();
	}

	/**
	 * Stops the Kafka broker gracefully, leaves it down for {@code down}, and starts it
	 * again with its data.
	 */
	public void restartKafka(Duration down) {
		this.platform.engines().restartKafka(down);
	}

}
