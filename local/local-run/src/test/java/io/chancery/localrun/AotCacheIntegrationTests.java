package io.chancery.localrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's AOT cache is made before a start, without Kafka or Elasticsearch running,
 * and a JVM that insists on using it ({@code -XX:AOTMode=on} refuses to start otherwise)
 * starts the service from it; a fresh start of the platform keeps it.
 */
class AotCacheIntegrationTests {

	private static final String SERVICE = "counter-service";

	private final Path home = Path.of(System.getProperty("java.io.tmpdir"), "chancery-aot-" + System.nanoTime());

	@AfterEach
	void deleteHome() throws IOException {
		if (Files.exists(this.home)) {
			try (Stream<Path> paths = Files.walk(this.home)) {
				for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(path);
				}
			}
		}
	}

	@Test
	void trainsWithoutTheEnginesAndTheServiceStartsFromTheCache() throws Exception {
		Settings settings = Settings.onFreePorts(Path.of(System.getProperty("chancery.project")),
				System.getProperty("chancery.version"), this.home, (line) -> {
				})
			.withAotCache(true);

		assertThat(AotCache.trainAll(settings, List.of(SERVICE))).isEmpty();

		Path jar = settings.project()
			.resolve(SERVICE)
			.resolve("target")
			.resolve(SERVICE + "-" + settings.version() + ".jar");
		AotCache caches = new AotCache(this.home.resolve("aot"), LocalPlatform.serviceJvmOptions());
		Optional<AotCache.Launch> launch = caches.launch(SERVICE, jar);
		assertThat(launch).isPresent();
		// A second call finds the cache and trains nothing.
		assertThat(AotCache.trainAll(settings, List.of(SERVICE))).isEmpty();

		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(LocalPlatform.serviceJvmOptions());
		command.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + launch.get().cache(),
				"-Dspring.context.exit=onRefresh", "-jar", launch.get().jar().toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PORT", "0");
		builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9");
		Process service = builder.start();
		byte[] output = service.getInputStream().readAllBytes();
		assertThat(service.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(service.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
		assertThat(new String(output, StandardCharsets.UTF_8)).contains("Starting CounterApplication",
				"initialization completed");
	}

	@Test
	void aFreshStartDeletesTheStateButKeepsTheCaches() throws IOException {
		Files.createDirectories(this.home.resolve("aot/counter-service-0123456789abcdef"));
		Files.writeString(this.home.resolve("aot/counter-service-0123456789abcdef/app.aot"), "cache");
		Files.createDirectories(this.home.resolve("kafka/data"));
		Files.writeString(this.home.resolve("kafka/data/meta.properties"), "state");
		Files.writeString(this.home.resolve("editor.key"), "key");

		PlatformHome.deleteStateIn(this.home);

		try (Stream<Path> left = Files.list(this.home)) {
			assertThat(left.map((path) -> path.getFileName().toString())).containsExactly("aot");
		}
		assertThat(this.home.resolve("aot/counter-service-0123456789abcdef/app.aot")).hasContent("cache");
	}

}
