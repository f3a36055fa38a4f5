package io.chancery.infrastructure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in its own JVM by {@link ProcessLifecycleIntegrationTests}: starts Kafka and
 * Elasticsearch in the given directories, prints their process ids, and waits to be
 * killed.
 */
final class OrphanProbe {

	private OrphanProbe() {
	}

	public static void main(String[] args) throws InterruptedException {
		LocalKafka kafka = LocalKafka.start(Path.of(args[0]), 0, "256m");
		LocalElasticsearch elasticsearch = LocalElasticsearch.start(Path.of(args[1]), 0, "384m");
		List<Long> pids = new ArrayList<>();
		pids.add(kafka.pid());
		pids.add(elasticsearch.pid());
		pids.addAll(elasticsearch.serverPids());
		System.out.println("READY " + String.join(" ", pids.stream().map(String::valueOf).toList()));
		System.out.println("PORTS " + kafka.bootstrapServers().replaceAll(".*:", "") + " "
				+ elasticsearch.url().replaceAll(".*:", ""));
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
