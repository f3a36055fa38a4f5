package io.chancery.infrastructure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chancery.contracts.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engines as production runs them, on one machine: Kafka as three nodes with every
 * partition on all three and writes needing two, Elasticsearch as two data nodes and a
 * tiebreaker. A node killed with SIGKILL — the leader of a partition and the transaction
 * coordinator, a node holding a primary shard — loses nothing acknowledged, the others go
 * on serving, and the node started again catches up.
 *
 * <p>
 * The two drills share nothing and spend most of their time waiting (for a leader, for a
 * green cluster), so they run at the same time; the class itself runs alone, as every
 * other does.
 */
class ClusteredEnginesIntegrationTests {

	private final Path kafkaDirectory = WorkDirectory.freshInstance("kafka-cluster");

	private final Path elasticsearchDirectory = WorkDirectory.freshInstance("elasticsearch-cluster");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@AfterEach
	void deleteDirectories() {
		WorkDirectory.deleteRecursively(this.kafkaDirectory);
		WorkDirectory.deleteRecursively(this.elasticsearchDirectory);
	}

	@Test
	@Execution(ExecutionMode.CONCURRENT)
	void kafkaKeepsEveryAcknowledgedTransactionWhenTheLeaderAndCoordinatorIsKilled() throws Exception {
		try (KafkaCluster kafka = KafkaCluster.start(this.kafkaDirectory, 3, "256m");
				Admin admin = Admin
					.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			TopicProvisioner.provision(kafka.bootstrapServers(), 3);
			String articles = Topic.ARTICLES.wireName();
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, articles);
			// A topic's description and configuration are asked of any one node, which
			// may not have learned of the topics just created yet
			// (UnknownTopicOrPartitionException): asked again until one has.
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
				for (TopicDescription topic : admin.describeTopics(List.of(articles, Topic.EVENTS.wireName()))
					.allTopicNames()
					.get(30, TimeUnit.SECONDS)
					.values()) {
					assertThat(topic.partitions())
						.allSatisfy((partition) -> assertThat(partition.replicas()).hasSize(3));
				}
				Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
				assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
				assertThat(config.get("unclean.leader.election.enable").value()).isEqualTo("false");
			});

			List<String> acknowledged = new ArrayList<>();
			try (KafkaProducer<String, String> producer = transactionalProducer(kafka, "drill-writer")) {
				producer.initTransactions();
				write(producer, articles, "before", 50, acknowledged);
				int coordinator = admin.describeTransactions(List.of("drill-writer"))
					.description("drill-writer")
					.get(30, TimeUnit.SECONDS)
					.coordinatorId();
				KafkaClusterNode victim = kafka.node(coordinator);
				int leaderBefore = leader(admin, articles, 0);
				long killed = System.nanoTime();
				victim.kill();
				assertThat(victim.isRunning()).isFalse();
				// The producer finds the new coordinator and leaders; with two of three
				// replicas left, acks=all writes go on.
				write(producer, articles, "during", 50, acknowledged);
				long written = System.nanoTime();
				await().atMost(Duration.ofSeconds(30)).until(() -> leader(admin, articles, 0) != victim.id());
				long restarting = System.nanoTime();
				victim.start();
				System.out.printf(
						"Kafka: node %d (transaction coordinator; leader of %s-0 was %d) killed; the next 10 transactions"
								+ " committed %d ms after the kill; the node started again and rejoined in %d ms%n",
						victim.id(), articles, leaderBefore, TimeUnit.NANOSECONDS.toMillis(written - killed),
						TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarting));
				write(producer, articles, "after", 50, acknowledged);
			}
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(admin.describeTopics(List.of(articles))
					.allTopicNames()
					.get(30, TimeUnit.SECONDS)
					.get(articles)
					.partitions()).allSatisfy((partition) -> assertThat(partition.isr()).hasSize(3)));
			assertThat(readCommitted(kafka, articles)).containsAll(acknowledged).hasSize(acknowledged.size());
		}
	}

	@Test
	@Execution(ExecutionMode.CONCURRENT)
	void elasticsearchAnswersEverySearchWhileANodeHoldingAPrimaryIsKilled() throws Exception {
		try (ElasticsearchCluster elasticsearch = ElasticsearchCluster.start(this.elasticsearchDirectory, 2, "384m")) {
			assertThat(elasticsearch.nodes()).hasSize(3);
			assertThat(elasticsearch.dataNodes()).hasSize(2);
			String any = elasticsearch.urls().get(2);
			assertThat(send("PUT", any + "/drill", "{\"settings\":{\"number_of_shards\":2,\"number_of_replicas\":1}}")
				.statusCode()).isEqualTo(200);
			for (int i = 0; i < 100; i++) {
				assertThat(send("PUT", any + "/drill/_doc/" + i + "?refresh=false", "{\"n\":" + i + "}").statusCode())
					.isEqualTo(201);
			}
			send("POST", any + "/drill/_refresh", null);
			await().atMost(Duration.ofSeconds(60)).until(() -> health(any).equals("green"));

			String holder = send("GET", any + "/_cat/shards/drill?h=prirep,node", null).body()
				.lines()
				.filter((line) -> line.startsWith("p "))
				.findFirst()
				.orElseThrow()
				.substring(2)
				.trim();
			ElasticsearchClusterNode victim = elasticsearch.dataNodes()
				.stream()
				.filter((node) -> node.name().equals(holder))
				.findFirst()
				.orElseThrow();
			ElasticsearchClusterNode survivor = elasticsearch.dataNodes()
				.stream()
				.filter((node) -> node != victim)
				.findFirst()
				.orElseThrow();
			long killed = System.nanoTime();
			victim.kill();
			// The survivor's copies become primaries: every document is still found, and
			// the cluster takes new ones.
			await().atMost(Duration.ofSeconds(60)).until(() -> Set.of("yellow").contains(health(survivor.url())));
			long yellow = System.nanoTime();
			assertThat(count(survivor.url())).isEqualTo(100);
			assertThat(send("PUT", survivor.url() + "/drill/_doc/100?refresh=true", "{\"n\":100}").statusCode())
				.isEqualTo(201);
			long restarting = System.nanoTime();
			victim.start();
			await().atMost(Duration.ofSeconds(120)).until(() -> health(any).equals("green"));
			System.out.printf(
					"Elasticsearch: %s (primary of a shard) killed; yellow with every document found %d ms later;"
							+ " started again and green %d ms after its start%n",
					victim.name(), TimeUnit.NANOSECONDS.toMillis(yellow - killed),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarting));
			assertThat(count(victim.url())).isEqualTo(101);
		}
	}

	private static KafkaProducer<String, String> transactionalProducer(KafkaCluster kafka, String id) {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, id, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000),
				new StringSerializer(), new StringSerializer());
	}

	/** Ten transactions of {@code count / 10} records each. */
	private static void write(KafkaProducer<String, String> producer, String topic, String phase, int count,
			List<String> acknowledged) throws Exception {
		for (int t = 0; t < 10; t++) {
			producer.beginTransaction();
			List<String> batch = new ArrayList<>();
			for (int i = 0; i < count / 10; i++) {
				String value = phase + "-" + t + "-" + i;
				producer.send(new ProducerRecord<>(topic, value, value));
				batch.add(value);
			}
			producer.commitTransaction();
			acknowledged.addAll(batch);
		}
	}

	private static int leader(Admin admin, String topic, int partition) throws Exception {
		var leader = admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(30, TimeUnit.SECONDS)
			.get(topic)
			.partitions()
			.get(partition)
			.leader();
		return (leader != null) ? leader.id() : -1;
	}

	private static List<String> readCommitted(KafkaCluster kafka, String topic) {
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))
					&& System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
			}
		}
		return values;
	}

	private String health(String url) {
		try {
			Matcher status = Pattern.compile("\"status\":\"(\\w+)\"")
				.matcher(send("GET", url + "/_cluster/health", null).body());
			return status.find() ? status.group(1) : "";
		}
		catch (Exception ex) {
			return "";
		}
	}

	private long count(String url) throws Exception {
		Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(send("GET", url + "/drill/_count", null).body());
		assertThat(count.find()).isTrue();
		return Long.parseLong(count.group(1));
	}

	private HttpResponse<String> send(String method, String url, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
