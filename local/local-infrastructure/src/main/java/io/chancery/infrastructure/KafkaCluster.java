package io.chancery.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka as production runs it, on loopback: several KRaft nodes, each broker and
 * controller, with every topic replicated to all of them and writes needing all but one
 * ({@code min.insync.replicas}), no unclean leader election — the settings the chart
 * gives Strimzi. Each node can be killed, paused, stopped and started again, for the
 * drills; a node started again keeps its data, ports and id.
 */
public final class KafkaCluster implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(KafkaCluster.class);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

	private final List<Member> members = new ArrayList<>();

	private final String bootstrapServers;

	private KafkaCluster(List<Integer> clientPorts) {
		this.bootstrapServers = clientPorts.stream()
			.map((port) -> "127.0.0.1:" + port)
			.collect(Collectors.joining(","));
	}

	/**
	 * Starts {@code size} nodes whose state lives under {@code directory} (one folder per
	 * node), and returns once every one of them is a broker of the cluster.
	 * @param directory holds the cluster's id and each node's configuration, logs and
	 * data; created if missing
	 * @param size how many nodes (and replicas of each partition)
	 * @param heap each node's maximum heap, for example {@code 384m}
	 */
	public static KafkaCluster start(Path directory, int size, String heap) {
		long started = System.nanoTime();
		WorkDirectory.createReadable(directory);
		String clusterId = clusterId(directory);
		List<Integer> clientPorts = new ArrayList<>();
		List<Integer> controllerPorts = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			clientPorts.add(Ports.free());
			controllerPorts.add(Ports.free());
		}
		String voters = java.util.stream.IntStream.range(0, size)
			.mapToObj((i) -> (i + 1) + "@127.0.0.1:" + controllerPorts.get(i))
			.collect(Collectors.joining(","));
		KafkaCluster cluster = new KafkaCluster(clientPorts);
		for (int i = 0; i < size; i++) {
			Path home = WorkDirectory.createReadable(directory.resolve("node-" + (i + 1)));
			if (!formattedFor(home.resolve("data"), clusterId)) {
				WorkDirectory.deleteRecursively(home.resolve("data"));
			}
			Path properties = LocalKafka.writeProperties(home, i + 1, clientPorts.get(i), voters,
					controllerPorts.get(i), size);
			List<String> command = LocalKafka.nodeCommand(properties, LocalKafka.writeLogConfiguration(home), clusterId,
					heap);
			cluster.members.add(cluster.new Member(i + 1, clientPorts.get(i), command, home.resolve("kafka.log")));
		}
		// A controller waits for a quorum of the others: all start together.
		cluster.members.forEach(Member::launch);
		cluster.awaitBrokers(cluster.members.stream().map((member) -> member.id).collect(Collectors.toSet()));
		logger.info("Kafka cluster of {} nodes (pids {}) ready at {} in {} ms; data in {}", size,
				cluster.members.stream().map(Member::pid).toList(), cluster.bootstrapServers,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), directory);
		return cluster;
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** The nodes, by id (1 to size). */
	public List<? extends KafkaClusterNode> nodes() {
		return List.copyOf(this.members);
	}

	public KafkaClusterNode node(int id) {
		return this.members.get(id - 1);
	}

	/** Stops every node that runs, gracefully. */
	@Override
	public void close() {
		this.members.forEach(Member::resumeIfPaused);
		this.members.parallelStream().forEach(Member::stop);
	}

	private void awaitBrokers(Set<Integer> ids) {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try (Admin admin = LocalKafka.probe(this.bootstrapServers)) {
			while (true) {
				for (Member member : this.members) {
					if (ids.contains(member.id) && !member.isRunning()) {
						throw new IllegalStateException("Kafka node " + member.id
								+ " exited while starting. Last lines of " + member.log + ":\n" + member.logTail());
					}
				}
				try {
					Set<Integer> brokers = admin.describeCluster()
						.nodes()
						.get(3, TimeUnit.SECONDS)
						.stream()
						.map(Node::id)
						.collect(Collectors.toSet());
					if (brokers.containsAll(ids)) {
						return;
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
				}
				catch (Exception ex) {
					// Not yet: no quorum, or no broker registered.
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Kafka nodes " + ids + " did not join the cluster within "
							+ READY_TIMEOUT.toSeconds() + " s. Last lines of " + this.members.get(0).log + ":\n"
							+ this.members.get(0).logTail());
				}
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	private static boolean formattedFor(Path data, String clusterId) {
		try {
			return LocalKafka.metaMatches(data, clusterId);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String clusterId(Path directory) {
		Path file = directory.resolve("cluster.id");
		try {
			if (Files.exists(file)) {
				String id = Files.readString(file).trim();
				if (!id.isEmpty()) {
					return id;
				}
			}
			String id = Uuid.randomUuid().toString();
			Files.writeString(file, id);
			return id;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One node of the cluster, as the drills act on it. */
	private final class Member extends SignalledNode implements KafkaClusterNode {

		private final int id;

		private final int clientPort;

		private final List<String> command;

		private final Path log;

		private volatile @Nullable ChildProcess process;

		private Member(int id, int clientPort, List<String> command, Path log) {
			this.id = id;
			this.clientPort = clientPort;
			this.command = command;
			this.log = log;
		}

		private void launch() {
			this.process = ChildProcess.start("Kafka node " + this.id, this.command, this.log, Map.of());
		}

		@Override
		public int id() {
			return this.id;
		}

		@Override
		public String name() {
			return "kafka-" + this.id;
		}

		@Override
		public String address() {
			return "127.0.0.1:" + this.clientPort;
		}

		@Override
		public long pid() {
			ChildProcess current = this.process;
			return (current != null && current.isAlive()) ? current.pid() : -1;
		}

		@Override
		public boolean isRunning() {
			ChildProcess current = this.process;
			return current != null && current.isAlive();
		}

		@Override
		public void kill() {
			if (isRunning()) {
				killServer();
			}
		}

		@Override
		public void stop() {
			ChildProcess current = this.process;
			if (current != null) {
				current.close();
			}
		}

		@Override
		public void start() {
			if (isRunning()) {
				throw new IllegalStateException("Kafka node " + this.id + " runs already");
			}
			launch();
			awaitBrokers(Set.of(this.id));
		}

		private String logTail() {
			ChildProcess current = this.process;
			return (current != null) ? current.logTail(40) : "";
		}

		@Override
		public String toString() {
			return "Kafka node " + this.id + " at " + address() + " (pid " + pid() + ")";
		}

	}

}
