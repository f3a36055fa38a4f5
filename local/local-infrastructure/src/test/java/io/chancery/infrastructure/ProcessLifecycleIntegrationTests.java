package io.chancery.infrastructure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engines never outlive the JVM that started them, even when its whole process group
 * is killed with SIGKILL, and what such a JVM leaves behind never stops the next start.
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
		// A process group of its own, as a terminal, an IDE or a CI runner gives a job;
		// the
		// whole group is then killed at once, as they stop one.
		List<String> inItsOwnGroup = new ArrayList<>(List.of("setsid"));
		inItsOwnGroup.addAll(command);
		Process probe = new ProcessBuilder(inItsOwnGroup).redirectErrorStream(true).start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(probe.getInputStream(), StandardCharsets.UTF_8));
		List<Long> pids = awaitLine(probe, output, "READY ");
		List<Long> ports = awaitLine(probe, output, "PORTS ");
		assertThat(pids).hasSizeGreaterThanOrEqualTo(3);
		assertThat(pids).allSatisfy((pid) -> assertThat(ProcessHandle.of(pid)).isPresent());
		assertThat(ports).hasSize(2).allSatisfy((port) -> assertThat(listening(port)).isTrue());

		assertThat(new ProcessBuilder("kill", "-KILL", "--", "-" + probe.pid()).start().waitFor()).isZero();
		probe.waitFor();

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(pids)
				.allSatisfy((pid) -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
			assertThat(ports).allSatisfy((port) -> assertThat(listening(port)).as("port %d", port).isFalse());
		});

		// Kafka's directory as a crash left it, plus a cluster id that no longer matches
		// its data.
		Files.writeString(this.kafkaDirectory.resolve("cluster.id"), "AAAAAAAAAAAAAAAAAAAAAA");
		try (LocalKafka kafka = LocalKafka.start(this.kafkaDirectory, 0, "256m");
				LocalElasticsearch elasticsearch = LocalElasticsearch.start(this.elasticsearchDirectory, 0, "384m")) {
			assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
			assertThat(elasticsearch.url()).startsWith("http://127.0.0.1:");
		}
	}

	/** The numbers on the probe's first line that starts with {@code prefix}. */
	private static List<Long> awaitLine(Process probe, BufferedReader output, String prefix) throws Exception {
		StringBuilder seen = new StringBuilder();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		String line;
		while ((line = output.readLine()) != null && System.nanoTime() < deadline) {
			if (line.startsWith(prefix)) {
				return Arrays.stream(line.substring(prefix.length()).trim().split(" ")).map(Long::valueOf).toList();
			}
			seen.append(line).append('\n');
		}
		probe.destroyForcibly();
		throw new AssertionError("The probe never printed " + prefix.trim() + ":\n" + seen);
	}

	private static boolean listening(long port) {
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new java.net.InetSocketAddress("127.0.0.1", (int) port), 1000);
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	/** The test class path as Surefire gives it, rather than its booter jar. */
	private static List<Path> classPath() {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classPath.split(java.io.File.pathSeparator)).map(Path::of).toList();
	}

}
