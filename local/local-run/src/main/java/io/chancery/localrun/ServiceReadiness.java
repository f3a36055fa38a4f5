package io.chancery.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.chancery.contracts.Topic;
import io.chancery.infrastructure.GuardedProcess;
import io.chancery.infrastructure.StartupProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * When a service the local run started is ready: its readiness group on the management
 * port, and for search-service, its consumers holding every content partition.
 */
final class ServiceReadiness {

	private ServiceReadiness() {
	}

	/**
	 * Waits until a service's readiness group, on its management port, is up.
	 * @throws IllegalStateException if the process exits first or the time runs out, with
	 * the end of its log
	 */
	static void awaitReady(String name, GuardedProcess process, int managementPort, Path home, Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		StartupProbe.Outcome outcome = StartupProbe.await(client, readiness, (status) -> status == 200,
				process::isAlive, timeout, Duration.ofMillis(250));
		if (outcome == StartupProbe.Outcome.READY) {
			return;
		}
		if (outcome == StartupProbe.Outcome.EXITED) {
			throw new IllegalStateException(name + " exited while starting. Last lines of "
					+ home.resolve("logs/" + name + ".log") + ":\n" + process.logTail(30));
		}
		throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds()
				+ " s. Last lines of its log:\n" + process.logTail(30));
	}

	/**
	 * Waits until search-service's consumers hold every partition of the content topics.
	 * The service is ready before that (it answers reads), but a publication is indexed
	 * only once its partition has a consumer: "ready" here means searchable at once.
	 */
	static void awaitIndexing(String bootstrapServers, Consumer<String> step) {
		long started = System.nanoTime();
		Set<TopicPartition> content = new HashSet<>();
		for (Topic topic : List.of(Topic.ARTICLES, Topic.EVENTS)) {
			for (int partition = 0; partition < topic.partitions(); partition++) {
				content.add(new TopicPartition(topic.wireName(), partition));
			}
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			long deadline = started + Duration.ofSeconds(120).toNanos();
			String last = "nothing yet";
			while (System.nanoTime() < deadline) {
				try {
					ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("search-service"))
						.describedGroups()
						.get("search-service")
						.get(10, TimeUnit.SECONDS);
					Set<TopicPartition> held = new HashSet<>();
					group.members().forEach((member) -> held.addAll(member.assignment().topicPartitions()));
					if (group.groupState() == GroupState.STABLE && held.containsAll(content)) {
						step.accept(
								"search-service indexing: its consumers hold every partition of articles and events, "
										+ Duration.ofNanos(System.nanoTime() - started).toMillis()
										+ " ms after it was ready");
						return;
					}
					last = "its consumers hold " + held + " of " + content + " (group " + group.groupState() + ")";
				}
				catch (ExecutionException | TimeoutException ex) {
					// A fresh cluster answers "coordinator not available" or "loading"
					// until its
					// offsets topic is ready: ask again until the deadline.
					last = "the group could not be described: " + ex;
				}
				Thread.sleep(100);
			}
			throw new IllegalStateException("search-service is not indexing after 120 s: " + last);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
