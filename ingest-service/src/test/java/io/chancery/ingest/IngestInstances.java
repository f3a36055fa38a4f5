package io.chancery.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whole instances of the service started and stopped inside a test, as restarts and
 * replicas.
 */
final class IngestInstances implements AutoCloseable {

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	/**
	 * The replicas of one test share a group of writers of their own, so they divide the
	 * partitions between them and with nobody else.
	 */
	private final String group = "ingest-test-" + UUID.randomUUID();

	/**
	 * Starts an instance against the given broker and returns a client for it once it is
	 * ready.
	 */
	IngestClient start(String bootstrapServers, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--chancery.security.api-keys[0].name=test-editor", "--chancery.security.api-keys[0].role=editor",
				"--chancery.security.api-keys[0].sha256=0ee0236fa1df97bcc4629f2df81dfa0b0eeab9f90538e4731df78de94f34e4b2",
				"--management.tracing.sampling.probability=0", "--chancery.publishing.ownership.group=" + this.group));
		all.addAll(List.of(arguments));
		// Arguments, not default properties: they must outrank application.yml.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(IngestApplication.class)
			.run(all.toArray(String[]::new));
		this.running.add(context);
		IngestClient client = new IngestClient(
				"http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
		String management = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.management.port");
		IngestClient.awaitReady(management);
		return client;
	}

	/** The group of writers these instances share. */
	String group() {
		return this.group;
	}

	void stop(int index) {
		this.running.get(index).close();
	}

	@Override
	public void close() {
		this.running.forEach(ConfigurableApplicationContext::close);
	}

}
