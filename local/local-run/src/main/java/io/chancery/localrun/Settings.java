package io.chancery.localrun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How to start the platform.
 *
 * @param project the project directory, where the services' jars were built
 * @param version the project version, part of the jars' names
 * @param home the state directory: data, logs, keys
 * @param fresh whether to empty the state directory first
 * @param ports the ports to listen on
 * @param environment more environment for every service, over the defaults
 * @param progress where progress lines go
 * @param readyTimeout how long a service may take to become ready
 * @param aotCache whether to start the services from AOT caches, making them in the
 * background when missing
 * @param ingestReplicas how many replicas of ingest-service to run; more than one share
 * the ingest port behind a proxy that spreads connections as a Kubernetes Service does
 * @param jvmOptions more JVM options by service, after the local run's own (so a later
 * {@code -Xmx} wins); its replicas and its AOT cache's training run take them too
 * @param replicas how many replicas of web-gateway, search-service and counter-service to
 * run, each service's behind its port as ingest-service's are
 * @param clustered whether the engines run at production shape: Kafka as three nodes with
 * every partition on each and writes needing two, Elasticsearch as two data nodes and a
 * tiebreaker (free ports; the engines' fixed ports are not used)
 */
public record Settings(Path project, String version, Path home, boolean fresh, Ports ports,
		Map<String, String> environment, Consumer<String> progress, java.time.Duration readyTimeout, boolean aotCache,
		int ingestReplicas, Map<String, List<String>> jvmOptions, int replicas, boolean clustered) {

	/** The local run's fixed ports, progress on standard output. */
	public static Settings local(Path project, String version, Path home, boolean fresh) {
		return new Settings(project, version, home, fresh,
				new Ports(8080, 8090, 8081, 8091, 8082, 8092, 8083, 8093, 9092, 9200), Map.of(), (line) -> {
					System.out.println(line);
					System.out.flush();
				}, java.time.Duration.ofSeconds(120), LocalPlatform.aotCachesSupported(), 1, Map.of(), 1, false);
	}

	/** Free ports for everything, for tests that run beside other work. */
	public static Settings onFreePorts(Path project, String version, Path home, Consumer<String> progress) {
		return new Settings(project, version, home, true,
				new Ports(free(), free(), free(), free(), free(), free(), free(), free(), free(), free()),
				// Tests may share the machine with other work; a slow start is not a
				// failure.
				Map.of(), progress, java.time.Duration.ofSeconds(300), false, 1, Map.of(), 1, false);
	}

	/** The same settings with more environment for every service. */
	public Settings withEnvironment(Map<String, String> more) {
		Map<String, String> merged = new java.util.LinkedHashMap<>(this.environment);
		merged.putAll(more);
		return new Settings(this.project, this.version, this.home, this.fresh, this.ports, Map.copyOf(merged),
				this.progress, this.readyTimeout, this.aotCache, this.ingestReplicas, this.jvmOptions, this.replicas,
				this.clustered);
	}

	/**
	 * The same settings, starting the services from AOT caches when they exist (see
	 * {@link LocalPlatform#trainAotCaches}) or not at all.
	 */
	public Settings withAotCache(boolean on) {
		return new Settings(this.project, this.version, this.home, this.fresh, this.ports, this.environment,
				this.progress, this.readyTimeout, on, this.ingestReplicas, this.jvmOptions, this.replicas,
				this.clustered);
	}

	/** The same settings with this many replicas of ingest-service. */
	public Settings withIngestReplicas(int replicas) {
		if (replicas < 1) {
			throw new IllegalArgumentException("At least one replica of ingest-service, not " + replicas);
		}
		return new Settings(this.project, this.version, this.home, this.fresh, this.ports, this.environment,
				this.progress, this.readyTimeout, this.aotCache, replicas, this.jvmOptions, this.replicas,
				this.clustered);
	}

	/**
	 * The same settings with this many replicas of web-gateway, search-service and
	 * counter-service (ingest-service's are {@link #withIngestReplicas}).
	 */
	public Settings withReplicas(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("At least one replica, not " + count);
		}
		return new Settings(this.project, this.version, this.home, this.fresh, this.ports, this.environment,
				this.progress, this.readyTimeout, this.aotCache, this.ingestReplicas, this.jvmOptions, count,
				this.clustered);
	}

	/** How many processes of the service run. */
	public int replicasOf(String service) {
		return service.equals("ingest-service") ? this.ingestReplicas : this.replicas;
	}

	/**
	 * The same settings with the engines at production shape: three Kafka nodes, two
	 * Elasticsearch data nodes and a tiebreaker.
	 */
	public Settings withClusteredEngines() {
		return new Settings(this.project, this.version, this.home, this.fresh, this.ports, this.environment,
				this.progress, this.readyTimeout, this.aotCache, this.ingestReplicas, this.jvmOptions, this.replicas,
				true);
	}

	/**
	 * The same settings with more JVM options for one service, after the local run's own.
	 */
	public Settings withJvmOptions(String service, List<String> options) {
		Map<String, List<String>> merged = new java.util.LinkedHashMap<>(this.jvmOptions);
		merged.put(service, List.copyOf(options));
		return new Settings(this.project, this.version, this.home, this.fresh, this.ports, this.environment,
				this.progress, this.readyTimeout, this.aotCache, this.ingestReplicas, Map.copyOf(merged), this.replicas,
				this.clustered);
	}

	/**
	 * The JVM options a service (or a replica of it) starts with beyond the local run's
	 * own.
	 */
	public List<String> jvmOptions(String service) {
		return this.jvmOptions.getOrDefault(service.replaceFirst("-\\d+$", ""), List.of());
	}

	private static int free() {
		return io.chancery.infrastructure.Ports.free();
	}

	/**
	 * Ports of the platform's processes. Each service answers its API on one port and its
	 * actuator (probes, metrics) on another.
	 *
	 * @param gateway the website and public API
	 * @param gatewayManagement the gateway's actuator
	 * @param ingest ingest-service
	 * @param ingestManagement ingest-service's actuator
	 * @param search search-service
	 * @param searchManagement search-service's actuator
	 * @param counter counter-service
	 * @param counterManagement counter-service's actuator
	 * @param kafka the Kafka broker
	 * @param elasticsearch Elasticsearch's HTTP port
	 */
	public record Ports(int gateway, int gatewayManagement, int ingest, int ingestManagement, int search,
			int searchManagement, int counter, int counterManagement, int kafka, int elasticsearch) {

		/** A service's API port. */
		public int api(String service) {
			return switch (service) {
				case "web-gateway" -> this.gateway;
				case "ingest-service" -> this.ingest;
				case "search-service" -> this.search;
				case "counter-service" -> this.counter;
				default -> throw new IllegalArgumentException("No service " + service);
			};
		}

		/** A service's actuator port. */
		public int management(String service) {
			return switch (service) {
				case "web-gateway" -> this.gatewayManagement;
				case "ingest-service" -> this.ingestManagement;
				case "search-service" -> this.searchManagement;
				case "counter-service" -> this.counterManagement;
				default -> throw new IllegalArgumentException("No service " + service);
			};
		}

	}

}
