package io.chancery.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch as a small production cluster runs it, on loopback: data nodes that hold
 * each shard's copies (the services' templates give one replica where two data nodes
 * exist), and, for an even number of data nodes, a voting-only tiebreaker that holds no
 * data, so that losing any one node leaves a majority of master-eligible nodes and the
 * cluster keeps a master. Each node can be killed, paused, stopped and started again, for
 * the drills; a node started again keeps its data, ports and name.
 */
public final class ElasticsearchCluster implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ElasticsearchCluster.class);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

	private static final String TIEBREAKER_HEAP = "256m";

	private final List<Member> members = new ArrayList<>();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private ElasticsearchCluster() {
	}

	/**
	 * Starts {@code dataNodes} data nodes (and a tiebreaker when their number is even)
	 * whose state lives under {@code directory}, and returns once all of them are in the
	 * cluster and it is at least yellow.
	 * @param directory holds each node's configuration, data and logs; created if missing
	 * @param dataNodes how many nodes hold data
	 * @param heap each data node's heap, for example {@code 512m}
	 */
	public static ElasticsearchCluster start(Path directory, int dataNodes, String heap) {
		long started = System.nanoTime();
		WorkDirectory.createReadable(directory);
		int size = dataNodes + ((dataNodes % 2 == 0) ? 1 : 0);
		List<Integer> httpPorts = new ArrayList<>();
		List<Integer> transportPorts = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			httpPorts.add(Ports.free());
			transportPorts.add(Ports.free());
		}
		String seeds = transportPorts.stream()
			.map((port) -> "\"127.0.0.1:" + port + "\"")
			.collect(Collectors.joining(", ", "[", "]"));
		String names = java.util.stream.IntStream.rangeClosed(1, size)
			.mapToObj((i) -> "\"" + name(i) + "\"")
			.collect(Collectors.joining(", ", "[", "]"));
		ElasticsearchCluster cluster = new ElasticsearchCluster();
		for (int i = 1; i <= size; i++) {
			boolean tiebreaker = i > dataNodes;
			String settings = """
					node.name: %s
					node.roles: %s
					discovery.seed_hosts: %s
					cluster.initial_master_nodes: %s
					""".formatted(name(i), tiebreaker ? "[ master, voting_only ]" : "[ master, data, ingest ]", seeds,
					names);
			cluster.members.add(cluster.new Member(name(i), directory.resolve(name(i)), httpPorts.get(i - 1),
					transportPorts.get(i - 1), tiebreaker ? TIEBREAKER_HEAP : heap, settings, !tiebreaker));
		}
		cluster.members.forEach(Member::launch);
		cluster.awaitNodes();
		logger.info("Elasticsearch cluster of {} nodes ({} with data) ready at {} in {} ms; data in {}", size,
				dataNodes, cluster.urls(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), directory);
		return cluster;
	}

	/** Every node's HTTP address, for clients that spread their requests. */
	public List<String> urls() {
		return this.members.stream().map(Member::url).toList();
	}

	/** The nodes, data nodes first. */
	public List<? extends ElasticsearchClusterNode> nodes() {
		return List.copyOf(this.members);
	}

	/** The nodes that hold data. */
	public List<? extends ElasticsearchClusterNode> dataNodes() {
		return this.members.stream().filter((member) -> member.data).toList();
	}

	@Override
	public void close() {
		this.members.forEach(Member::resumeIfPaused);
		this.members.parallelStream().forEach(Member::stop);
	}

	/**
	 * Waits until every node that runs is in the cluster and it is at least yellow,
	 * asking a running node.
	 */
	private void awaitNodes() {
		List<Member> running = this.members.stream().filter(Member::isRunning).toList();
		Member asked = running.get(running.size() - 1);
		HttpRequest health = HttpRequest
			.newBuilder(URI.create(asked.url() + "/_cluster/health?wait_for_status=yellow&wait_for_nodes="
					+ running.size() + "&timeout=2s"))
			.timeout(Duration.ofSeconds(5))
			.build();
		StartupProbe.Outcome outcome = StartupProbe.await(this.client, health, (status) -> status == 200,
				() -> running.stream().allMatch(Member::isRunning), READY_TIMEOUT, Duration.ofMillis(250));
		if (outcome != StartupProbe.Outcome.READY) {
			String tails = running.stream()
				.map((member) -> member.name + ":\n" + member.logTail())
				.collect(Collectors.joining("\n"));
			throw new IllegalStateException("The Elasticsearch cluster did not form ("
					+ outcome.name().toLowerCase(java.util.Locale.ROOT) + "). Last lines of each node:\n" + tails);
		}
	}

	private static String name(int i) {
		return "chancery-local-" + i;
	}

	/** One node of the cluster, as the drills act on it. */
	private final class Member extends SignalledNode implements ElasticsearchClusterNode {

		private final String name;

		private final Path directory;

		private final int httpPort;

		private final int transportPort;

		private final String heap;

		private final String settings;

		private final boolean data;

		private volatile @Nullable GuardedProcess process;

		private Member(String name, Path directory, int httpPort, int transportPort, String heap, String settings,
				boolean data) {
			this.name = name;
			this.directory = directory;
			this.httpPort = httpPort;
			this.transportPort = transportPort;
			this.heap = heap;
			this.settings = settings;
			this.data = data;
		}

		private void launch() {
			WorkDirectory.createReadable(this.directory);
			this.process = LocalElasticsearch.launch(this.directory, this.httpPort, this.transportPort, this.heap,
					this.settings);
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public String url() {
			return "http://127.0.0.1:" + this.httpPort;
		}

		@Override
		public boolean holdsData() {
			return this.data;
		}

		@Override
		public long pid() {
			GuardedProcess current = this.process;
			if (current == null) {
				return -1;
			}
			// The launcher starts the server's JVM; the server is the one to act on.
			for (long pid : current.descendantPids()) {
				if (commandLine(pid).contains("org.elasticsearch.bootstrap.Elasticsearch")) {
					return pid;
				}
			}
			return -1;
		}

		@Override
		public boolean isRunning() {
			GuardedProcess current = this.process;
			return current != null && current.isAlive();
		}

		@Override
		public void kill() {
			killServer();
			// The launcher and the guard end with the server; close waits for them.
			GuardedProcess current = this.process;
			if (current != null) {
				current.close();
			}
		}

		@Override
		public void stop() {
			GuardedProcess current = this.process;
			if (current != null) {
				current.close();
			}
		}

		@Override
		public void start() {
			if (isRunning()) {
				throw new IllegalStateException(this.name + " runs already");
			}
			launch();
			awaitNodes();
		}

		private String logTail() {
			GuardedProcess current = this.process;
			return (current != null) ? current.logTail(30) : "";
		}

		@Override
		public String toString() {
			return this.name + " at " + url() + " (pid " + pid() + ")";
		}

	}

	private static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
					StandardCharsets.UTF_8);
		}
		catch (IOException | UncheckedIOException ex) {
			return "";
		}
	}

}
