package io.chancery.localrun;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mvnw -Prun package}: the platform in the foreground on fixed ports, with the
 * demo content imported on its first start, until Ctrl-C stops everything it started.
 */
public final class LocalRun {

	private LocalRun() {
	}

	/**
	 * Arguments: the project directory, the project version, {@code true} for a fresh
	 * start.
	 */
	public static void main(String[] args) throws Exception {
		Path project = Path.of(args[0]).toAbsolutePath();
		String version = args[1];
		boolean fresh = args.length > 2 && Boolean.parseBoolean(args[2]);
		Settings settings = Settings.local(project, version, PlatformHome.of(project), fresh)
			.withIngestReplicas(Integer.getInteger("chancery.ingest.replicas", 1));
		DemoContent demoContent = DemoContent.prepare(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		LocalPlatform platform = new LocalPlatform(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			platform.close();
			stopped.countDown();
		}, "stop-platform"));
		try {
			platform.run();
			demoContent.importIfDue(settings.ports().ingest(), platform.editorKey(), platform::step);
		}
		catch (RuntimeException ex) {
			System.err.println();
			System.err.println("The platform did not start: " + ex.getMessage());
			System.exit(1);
		}
		Settings.Ports ports = settings.ports();
		System.out.println();
		System.out.println("Chancery is running. Ctrl-C stops everything it started.");
		System.out.println("  Website:        http://127.0.0.1:" + ports.gateway() + "/");
		System.out.println("  API docs:       http://127.0.0.1:" + ports.gateway() + "/swagger-ui.html");
		System.out.println("  Kafka:          " + platform.kafkaBootstrapServers());
		System.out.println("  Elasticsearch:  " + platform.elasticsearchUrl());
		System.out.println("  State and logs: " + settings.home());
		System.out.println("  Editor API key: " + platform.editorKey() + "   (header X-Api-Key; kept in "
				+ settings.home().resolve("editor.key") + ")");
		System.out.println("  Admin API key:  " + platform.adminKey() + "   (reindex, dead letters; kept in "
				+ settings.home().resolve("admin.key") + ")");
		stopped.await();
	}

}
