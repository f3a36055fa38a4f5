package io.chancery.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.chancery.contracts.Topic;
import io.chancery.infrastructure.ElasticsearchClusterNode;
import io.chancery.infrastructure.KafkaClusterNode;
import io.chancery.localrun.LocalPlatform;
import io.chancery.localrun.Settings;
import io.chancery.system.FaultDrillTests.Writer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform at production shape — Kafka as three nodes (every partition on each,
 * writes needing two), Elasticsearch as two data nodes and a tiebreaker, two replicas of
 * every service (the gateway too) — while editors write through the gateway: the broker
 * leading the first articles partition is killed with SIGKILL and started again, an
 * Elasticsearch data node is paused ({@code SIGSTOP}) for 10 s, and a search-service
 * replica is killed with SIGKILL. Every write answered 2xx is on its topic and then in
 * the index with its newest revision, and every other answer is a 503. Figures go to
 * standard output with a {@code [drill]} prefix and into docs/reliability.md.
 */
class ClusteredEnginesDrillTests {

	@Test
	void acknowledgedWritesSurviveABrokerKilledAndADataNodePaused() throws Exception {
		Path home = Path.of(System.getProperty("java.io.tmpdir"), "chancery-clustered-" + UUID.randomUUID());
		long starting = System.nanoTime();
		Settings settings = Settings
			.onFreePorts(Stack.project(), Stack.version(), home, (line) -> System.out.println("[clustered] " + line))
			.withEnvironment(Stack.environment())
			.withIngestReplicas(2)
			.withReplicas(2)
			.withClusteredEngines();
		try (LocalPlatform platform = LocalPlatform.start(settings)) {
			long started = System.nanoTime();
			Gateway gateway = new Gateway(platform.gatewayUrl(), platform.editorKey(), platform.adminKey());
			Writer writer = Writer.start(gateway, "clustered");
			Thread.sleep(5_000);

			KafkaClusterNode broker = leaderOfFirstArticles(platform);
			broker.kill();
			Thread.sleep(15_000);
			long restarting = System.nanoTime();
			broker.start();
			long brokerBack = System.nanoTime() - restarting;
			Thread.sleep(5_000);

			ElasticsearchClusterNode dataNode = platform.faults()
				.elasticsearchNodes()
				.stream()
				.filter(ElasticsearchClusterNode::holdsData)
				.findFirst()
				.orElseThrow();
			dataNode.pause();
			Thread.sleep(10_000);
			dataNode.resume();
			Thread.sleep(5_000);
			// The other replica takes its partitions when its session ends.
			platform.faults().kill("search-service-2");
			Thread.sleep(5_000);
			writer.stop();

			Map<String, IndexAudit.Expected> topics = IndexAudit.expected(platform.kafkaBootstrapServers());
			List<String> missing = writer.accepted()
				.stream()
				.filter((id) -> !topics.containsKey("article:" + id + ":en"))
				.toList();
			long caughtUp = System.nanoTime();
			IndexAudit.Result audit = IndexAudit.awaitExact(platform.kafkaBootstrapServers(),
					platform.elasticsearchUrl(), Duration.ofMinutes(3));
			System.out.printf(
					"[drill] clustered engines (platform started in %d s): %s killed, started again in %d ms; %s paused"
							+ " 10 s; search-service-2 killed; %d writes, %d 2xx, refused %s, other failures %d; longest without a 2xx %d ms;"
							+ " missing from the topics %d; index matched the topics %d ms after the writes: %s%n",
					TimeUnit.NANOSECONDS.toSeconds(started - starting), broker,
					TimeUnit.NANOSECONDS.toMillis(brokerBack), dataNode.name(), writer.attempts(),
					writer.accepted().size(), writer.refused(), writer.failures().size(),
					writer.longestWithoutAcceptance().toMillis(), missing.size(),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - caughtUp), audit);
			assertThat(missing).as("every 2xx write is on its topic").isEmpty();
			assertThat(writer.failures()).as("every answer is a 2xx or a 503").isEmpty();
			assertThat(writer.refused().keySet()).allMatch((status) -> status == 503);
			assertThat(writer.accepted().size())
				.isGreaterThan(writer.refused().values().stream().mapToInt(AtomicInteger::get).sum());
		}
		finally {
			if (!Boolean.getBoolean("chancery.keep-state")) {
				Stack.deleteRecursively(home);
			}
		}
	}

	private static KafkaClusterNode leaderOfFirstArticles(LocalPlatform platform) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()))) {
			int leader = admin.describeTopics(List.of(Topic.ARTICLES.wireName()))
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.get(Topic.ARTICLES.wireName())
				.partitions()
				.get(0)
				.leader()
				.id();
			return platform.faults()
				.kafkaNodes()
				.stream()
				.filter((node) -> node.id() == leader)
				.findFirst()
				.orElseThrow();
		}
	}

}
