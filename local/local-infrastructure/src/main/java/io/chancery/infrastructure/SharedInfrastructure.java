package io.chancery.infrastructure;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The JVM's one {@link Infrastructure}. Each engine starts on first use, once, and stops
 * from a shutdown hook; should the JVM die without running it, the engines notice their
 * closed pipe and stop themselves.
 */
final class SharedInfrastructure {

	private static final Logger logger = LoggerFactory.getLogger(SharedInfrastructure.class);

	private static @Nullable Infrastructure instance;

	private SharedInfrastructure() {
	}

	static synchronized Infrastructure instance() {
		if (instance == null) {
			instance = create();
		}
		return instance;
	}

	private static Infrastructure create() {
		String choice = System.getenv().getOrDefault("CHANCERY_INFRASTRUCTURE", "auto").toLowerCase(Locale.ROOT);
		boolean containers = switch (choice) {
			case "local" -> false;
			case "containers" -> true;
			case "auto" -> dockerAnswers();
			default -> throw new IllegalStateException(
					"CHANCERY_INFRASTRUCTURE must be local, containers or auto, not '" + choice + "'");
		};
		logger.info("Kafka and Elasticsearch for this JVM come from {}",
				containers ? "Testcontainers (a Docker engine answered)" : "local processes (no Docker engine)");
		return containers ? new ContainerInfrastructure() : new LocalProcessInfrastructure();
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	/**
	 * Starts a value once, on first use, and registers how to stop it when the JVM exits.
	 */
	static final class Lazy<T extends AutoCloseable> implements Supplier<T> {

		private final Supplier<T> starter;

		private final Consumer<T> afterStop;

		private @Nullable T value;

		Lazy(Supplier<T> starter, Consumer<T> afterStop) {
			this.starter = starter;
			this.afterStop = afterStop;
		}

		@Override
		public synchronized T get() {
			if (this.value == null) {
				T started = this.starter.get();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						started.close();
						this.afterStop.accept(started);
					}
					catch (Exception ex) {
						logger.warn("Could not stop {}", started, ex);
					}
				}, "stop-" + started.getClass().getSimpleName()));
				this.value = started;
			}
			return this.value;
		}

	}

	/** Kafka and Elasticsearch as child processes of this JVM, in fresh directories. */
	static final class LocalProcessInfrastructure implements Infrastructure {

		private final Lazy<LocalKafka> kafka = new Lazy<>(() -> {
			LocalKafka started = LocalKafka.start(WorkDirectory.freshInstance("kafka"), 0, "512m");
			TopicProvisioner.provision(started.bootstrapServers());
			return started;
		}, (kafka) -> WorkDirectory.deleteRecursively(kafka.directory()));

		private final Lazy<LocalElasticsearch> elasticsearch = new Lazy<>(
				() -> LocalElasticsearch.start(WorkDirectory.freshInstance("elasticsearch"), 0, "512m"),
				(node) -> WorkDirectory.deleteRecursively(node.directory()));

		@Override
		public String kafkaBootstrapServers() {
			return this.kafka.get().bootstrapServers();
		}

		@Override
		public String elasticsearchUrl() {
			return this.elasticsearch.get().url();
		}

	}

}
