package io.chancery.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker and controller in one child JVM (KRaft), listening on loopback. The data
 * directory may be reused across starts: the cluster id is kept beside it, and a
 * directory formatted for another id is cleared, so a stale directory never stops a
 * start.
 */
public final class LocalKafka implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LocalKafka.class);

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

	private final ChildProcess process;

	private final String bootstrapServers;

	private final Path directory;

	private LocalKafka(ChildProcess process, String bootstrapServers, Path directory) {
		this.process = process;
		this.bootstrapServers = bootstrapServers;
		this.directory = directory;
	}

	/**
	 * Starts a broker whose state lives in {@code directory}, and returns once it
	 * answers.
	 * @param directory holds the configuration, logs and data; created if missing
	 * @param port the client port, 0 for a free one
	 * @param heap the broker's maximum heap, for example {@code 512m}
	 */
	public static LocalKafka start(Path directory, int port, String heap) {
		long started = System.nanoTime();
		WorkDirectory.createReadable(directory);
		int clientPort = (port != 0) ? Ports.requireFree(port, "Kafka") : Ports.free();
		int controllerPort = Ports.free();
		String clusterId = clusterId(directory);
		Path properties = writeProperties(directory, clientPort, controllerPort);
		Path log4j = writeLogConfiguration(directory);
		ChildProcess process = ChildProcess.start("Kafka", nodeCommand(properties, log4j, clusterId, heap),
				directory.resolve("kafka.log"), Map.of());
		String bootstrapServers = "127.0.0.1:" + clientPort;
		LocalKafka kafka = new LocalKafka(process, bootstrapServers, directory);
		kafka.awaitReady();
		logger.info("Kafka {} (KRaft broker and controller, pid {}) ready at {} in {} ms; data in {}",
				org.apache.kafka.common.utils.AppInfoParser.getVersion(), process.pid(), bootstrapServers,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), directory);
		return kafka;
	}

	/** The command of a node's JVM ({@link KafkaNode}). */
	static List<String> nodeCommand(Path properties, Path log4j, String clusterId, String heap) {
		return Jvm.command(Jvm.brokerClassPath(),
				List.of("-Xms128m", "-Xmx" + heap, "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
						"-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j.toUri()),
				KafkaNode.class.getName(), List.of(properties.toString(), clusterId));
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	public long pid() {
		return this.process.pid();
	}

	public Path directory() {
		return this.directory;
	}

	/**
	 * An admin client that gives up on each question quickly, to ask a starting broker
	 * again and again.
	 */
	static Admin probe(String bootstrapServers) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
		return Admin.create(config);
	}

	private void awaitReady() {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		try (Admin admin = LocalKafka.probe(this.bootstrapServers)) {
			while (true) {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("Kafka exited while starting. Last lines of " + this.process.log()
							+ ":\n" + this.process.logTail(40));
				}
				try {
					if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
						return;
					}
				}
				catch (Exception ex) {
					if (ex instanceof InterruptedException) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
					}
				}
				if (System.nanoTime() > deadline) {
					this.process.close();
					throw new IllegalStateException("Kafka did not become ready within " + READY_TIMEOUT.toSeconds()
							+ " s. Last lines of " + this.process.log() + ":\n" + this.process.logTail(40));
				}
				sleepQuietly(200);
			}
		}
	}

	static String clusterId(Path directory) {
		Path file = directory.resolve("cluster.id");
		try {
			if (Files.exists(file)) {
				String id = Files.readString(file).trim();
				if (!id.isEmpty() && metaMatches(directory.resolve("data"), id)) {
					return id;
				}
			}
			// No id, or data formatted for another cluster: begin again rather than fail
			// to start.
			WorkDirectory.deleteRecursively(directory.resolve("data"));
			String id = Uuid.randomUuid().toString();
			Files.writeString(file, id);
			return id;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean metaMatches(Path data, String clusterId) throws IOException {
		Path meta = data.resolve("meta.properties");
		if (!Files.exists(meta)) {
			return !Files.exists(data);
		}
		Properties properties = new Properties();
		try (var in = Files.newInputStream(meta)) {
			properties.load(in);
		}
		return clusterId.equals(properties.getProperty("cluster.id"));
	}

	private static Path writeProperties(Path directory, int clientPort, int controllerPort) {
		return writeProperties(directory, 1, clientPort, "1@127.0.0.1:" + controllerPort, controllerPort, 1);
	}

	/**
	 * A KRaft node that is broker and controller at once, for a cluster of
	 * {@code replicas} nodes: internal topics and new topics get that many replicas, and
	 * writes with acks=all need all but one of them (one for a single node), with no
	 * unclean leader election — the settings the chart gives Strimzi.
	 */
	static Path writeProperties(Path directory, int nodeId, int clientPort, String voters, int controllerPort,
			int replicas) {
		int minInSync = Math.max(1, replicas - 1);
		String properties = """
				process.roles=broker,controller
				node.id=%4$d
				controller.quorum.voters=%5$s
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				log.dirs=%3$s
				num.partitions=1
				default.replication.factor=%6$d
				min.insync.replicas=%7$d
				unclean.leader.election.enable=false
				offsets.topic.replication.factor=%6$d
				offsets.topic.num.partitions=3
				transaction.state.log.replication.factor=%6$d
				transaction.state.log.min.isr=%7$d
				transaction.state.log.num.partitions=3
				share.coordinator.state.topic.replication.factor=%6$d
				share.coordinator.state.topic.min.isr=%7$d
				group.initial.rebalance.delay.ms=0
				auto.create.topics.enable=false
				log.cleaner.dedupe.buffer.size=33554432
				""".formatted(clientPort, controllerPort, directory.resolve("data"), nodeId, voters, replicas,
				minInSync);
		return write(directory.resolve("server.properties"), properties);
	}

	static Path writeLogConfiguration(Path directory) {
		String log4j = """
				status = warn
				appender.out.type = Console
				appender.out.name = out
				appender.out.layout.type = PatternLayout
				appender.out.layout.pattern = [%d] %p %m (%c)%n
				rootLogger.level = WARN
				rootLogger.appenderRef.out.ref = out
				logger.server.name = kafka.server.KafkaRaftServer
				logger.server.level = INFO
				logger.broker.name = kafka.server.BrokerServer
				logger.broker.level = INFO
				""";
		return write(directory.resolve("log4j2.properties"), log4j);
	}

	private static Path write(Path file, String content) {
		try {
			return Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the broker (a controlled shutdown) and waits for its JVM to end. */
	@Override
	public void close() {
		this.process.close();
	}

}
