package io.chancery.infrastructure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engines never outlive the JVM that started them, even one killed with SIGKILL, and
 * what such a JVM leaves behind never stops the next start.
 */
class ProcessLifecycleIntegrationTests {

	private final Path kafkaDirectory = WorkDirectory.freshInstance("kafka");

	private final Path elasticsearchDirectory = WorkDirectory.freshInstance("elasticsearch");

	@AfterEach
	void deleteDirectories() {
		WorkDirectory.deleteRecursively(this.kafkaDirectory);
		WorkDirectory.deleteRecursively(this.elasticsearchDirectory);
	}

	@Test
	void enginesStopWhenTheirJvmIsKilledAndRestartOnWhatItLeftBehind() throws Exception {
		List<String> command = Jvm.command(classPath(), List.of("-Xmx128m"), OrphanProbe.class.getName(),
				List.of(this.kafkaDirectory.toString(), this.elasticsearchDirectory.toString()));
		Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<Long> pids = awaitReadyLine(probe);
		assertThat(pids).hasSizeGreaterThanOrEqualTo(3);
		assertThat(pids).allSatisfy((pid) -> assertThat(ProcessHandle.of(pid)).isPresent());

		probe.destroyForcibly().waitFor();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(pids)
				.allSatisfy((pid) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty()));

		// Kafka's directory as a crash left it, plus a cluster id that no longer matches
		// its data.
		Files.writeString(this.kafkaDirectory.resolve("cluster.id"), "AAAAAAAAAAAAAAAAAAAAAA");
		try (LocalKafka kafka = LocalKafka.start(this.kafkaDirectory, 0, "256m");
				LocalElasticsearch elasticsearch = LocalElasticsearch.start(this.elasticsearchDirectory, 0, "384m")) {
			assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
			assertThat(elasticsearch.url()).startsWith("http://127.0.0.1:");
		}
	}

	private static List<Long> awaitReadyLine(Process probe) throws Exception {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		String line;
		while ((line = output.readLine()) != null && System.nanoTime() < deadline) {
			if (line.startsWith("READY ")) {
				return Arrays.stream(line.substring(6).trim().split(" ")).map(Long::valueOf).toList();
			}
			seen.append(line).append('\n');
		}
		probe.destroyForcibly();
		throw new AssertionError("The probe never became ready:\n" + seen);
	}

	/** The test class path as Surefire gives it, rather than its booter jar. */
	private static List<Path> classPath() {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classPath.split(java.io.File.pathSeparator)).map(Path::of).toList();
	}

}
