package io.chancery.localrun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import io.chancery.infrastructure.ElasticsearchCluster;
import io.chancery.infrastructure.KafkaCluster;
import io.chancery.infrastructure.LocalElasticsearch;
import io.chancery.infrastructure.LocalKafka;
import io.chancery.infrastructure.TopicProvisioner;
import org.jspecify.annotations.Nullable;

/**
 * The platform's Kafka and Elasticsearch: one node of each on fixed ports, or clusters at
 * production shape on free ports ({@link Settings#clustered()}), with what the fault
 * drills do to single nodes. Every process started is handed to {@code track}, so the
 * platform stops it with the rest.
 */
final class Engines {

	private final Settings settings;

	private final Consumer<AutoCloseable> track;

	private final Consumer<AutoCloseable> untrack;

	private final Consumer<String> step;

	private String kafkaBootstrapServers = "";

	private String elasticsearchUrl = "";

	/** Every Elasticsearch node the services may send requests to, comma-separated. */
	private String elasticsearchUris = "";

	private @Nullable KafkaCluster kafkaCluster;

	private @Nullable ElasticsearchCluster elasticsearchCluster;

	private LocalKafka kafka;

	private LocalElasticsearch elasticsearch;

	Engines(Settings settings, Consumer<AutoCloseable> track, Consumer<AutoCloseable> untrack, Consumer<String> step) {
		this.settings = settings;
		this.track = track;
		this.untrack = untrack;
		this.step = step;
	}

	String kafkaBootstrapServers() {
		return this.kafkaBootstrapServers;
	}

	String elasticsearchUrl() {
		return this.elasticsearchUrl;
	}

	String elasticsearchUris() {
		return this.elasticsearchUris;
	}

	void startSingle(Path home, Settings.Ports ports) {
		step("Starting Kafka on 127.0.0.1:" + ports.kafka() + " and Elasticsearch on 127.0.0.1:"
				+ ports.elasticsearch());
		// Side by side: Elasticsearch's start no longer waits for Kafka's. The services
		// still wait for Elasticsearch: its start and Kafka's keep two cores busy (42
		// CPU-seconds in 24 s, docs/performance.md), so started beside them they only
		// starve them.
		CompletableFuture<LocalElasticsearch> elasticsearchStart = CompletableFuture.supplyAsync(
				() -> LocalElasticsearch.start(home.resolve("elasticsearch"), ports.elasticsearch(), "512m"),
				(task) -> Thread.ofPlatform().daemon().name("elasticsearch-start").start(task));
		try {
			LocalKafka kafka = LocalKafka.start(home.resolve("kafka"), ports.kafka(), "512m");
			this.track.accept(kafka);
			this.kafka = kafka;
			this.kafkaBootstrapServers = kafka.bootstrapServers();
			step("Kafka ready at " + kafka.bootstrapServers());
			List<String> created = TopicProvisioner.provision(kafka.bootstrapServers());
			step(created.isEmpty() ? "Topics already provisioned" : "Topics created: " + String.join(", ", created));
		}
		catch (RuntimeException ex) {
			// Elasticsearch, once started, must stop with the rest.
			try {
				awaitElasticsearch(elasticsearchStart);
			}
			catch (RuntimeException also) {
				ex.addSuppressed(also);
			}
			throw ex;
		}
		LocalElasticsearch elasticsearch = awaitElasticsearch(elasticsearchStart);
		this.elasticsearchUris = elasticsearch.url();
		step("Elasticsearch ready at " + elasticsearch.url());
	}

	/**
	 * The engines at production shape ({@link Settings#clustered()}), on free ports:
	 * Elasticsearch's nodes start beside Kafka's, as in {@link #startSingle}.
	 */
	void startClustered(Path home) {
		step("Starting Kafka as three nodes and Elasticsearch as two data nodes and a tiebreaker");
		CompletableFuture<ElasticsearchCluster> elasticsearchStart = CompletableFuture.supplyAsync(
				() -> ElasticsearchCluster.start(home.resolve("elasticsearch-cluster"), 2, "512m"),
				(task) -> Thread.ofPlatform().daemon().name("elasticsearch-start").start(task));
		try {
			KafkaCluster kafka = KafkaCluster.start(home.resolve("kafka-cluster"), 3, "384m");
			this.track.accept(kafka);
			this.kafkaCluster = kafka;
			this.kafkaBootstrapServers = kafka.bootstrapServers();
			step("Kafka ready at " + kafka.bootstrapServers());
			List<String> created = TopicProvisioner.provision(kafka.bootstrapServers(), 3);
			step(created.isEmpty() ? "Topics already provisioned"
					: "Topics created, three replicas each: " + String.join(", ", created));
		}
		catch (RuntimeException ex) {
			try {
				this.track.accept(elasticsearchStart.join());
			}
			catch (RuntimeException also) {
				ex.addSuppressed(also);
			}
			throw ex;
		}
		try {
			ElasticsearchCluster elasticsearch = elasticsearchStart.join();
			this.track.accept(elasticsearch);
			this.elasticsearchCluster = elasticsearch;
			this.elasticsearchUrl = elasticsearch.urls().get(0);
			this.elasticsearchUris = String.join(",", elasticsearch.urls());
			step("Elasticsearch ready at " + this.elasticsearchUris);
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private LocalElasticsearch awaitElasticsearch(CompletableFuture<LocalElasticsearch> start) {
		try {
			LocalElasticsearch elasticsearch = start.join();
			this.track.accept(elasticsearch);
			this.elasticsearch = elasticsearch;
			this.elasticsearchUrl = elasticsearch.url();
			return elasticsearch;
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** The engines' nodes when they run as clusters ({@link Settings#clustered()}). */
	@Nullable KafkaCluster kafkaCluster() {
		return this.kafkaCluster;
	}

	@Nullable ElasticsearchCluster elasticsearchCluster() {
		return this.elasticsearchCluster;
	}

	/** Stops Elasticsearch gracefully, keeping its data. */
	void stopElasticsearch() {
		requireSingleNodes();
		this.elasticsearch.close();
		this.untrack.accept(this.elasticsearch);
		step("Elasticsearch stopped");
	}

	/** Starts Elasticsearch again on its port with its data. */
	void startElasticsearch() {
		requireSingleNodes();
		this.elasticsearch = LocalElasticsearch.start(this.settings.home().resolve("elasticsearch"),
				this.settings.ports().elasticsearch(), "512m");
		this.track.accept(this.elasticsearch);
		step("Elasticsearch ready again");
	}

	/** Stops the Kafka broker gracefully and starts it again with its data. */
	void restartKafka(Duration down) {
		requireSingleNodes();
		this.kafka.close();
		this.untrack.accept(this.kafka);
		step("Kafka stopped");
		sleep(down.toMillis());
		this.kafka = LocalKafka.start(this.settings.home().resolve("kafka"), this.settings.ports().kafka(), "512m");
		this.track.accept(this.kafka);
		step("Kafka ready again");
	}

	private void requireSingleNodes() {
		if (this.settings.clustered()) {
			throw new IllegalStateException("The engines run as clusters: act on their nodes (Faults.kafkaNodes(), "
					+ "Faults.elasticsearchNodes())");
		}
	}

	private void step(String message) {
		this.step.accept(message);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
