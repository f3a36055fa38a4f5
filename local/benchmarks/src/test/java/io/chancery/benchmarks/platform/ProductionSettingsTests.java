package io.chancery.benchmarks.platform;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionSettingsTests {

	@Test
	void theChartsProductionValuesGiveEachServiceItsContainersHeapAndTheSampling() {
		ProductionSettings settings = ProductionSettings.of(Path.of("../..").toAbsolutePath().normalize());
		// 75 % of 768Mi for ingest-service, of the 2Gi that values-production.yaml gives
		// search-service over the default 1Gi.
		assertThat(settings.heapMegabytes()).containsEntry("ingest-service", 576)
			.containsEntry("search-service", 1536)
			.containsEntry("web-gateway", 384)
			.containsEntry("counter-service", 384);
		assertThat(settings.jvmOptions("ingest-service")).containsExactly("-Xmx576m");
		assertThat(settings.environment()).containsEntry("TRACING_SAMPLING_PROBABILITY", "0.2")
			.containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
	}

	@Test
	void memoryQuantitiesAreReadInKubernetesBinaryUnits() {
		assertThat(ProductionSettings.megabytes("2Gi")).isEqualTo(2048);
		assertThat(ProductionSettings.megabytes("768Mi")).isEqualTo(768);
		assertThat(ProductionSettings.megabytes("524288Ki")).isEqualTo(512);
		assertThat(ProductionSettings.megabytes("1073741824")).isEqualTo(1024);
	}

	@Test
	void mapsMergeKeyByKeyAndEverythingElseIsReplacedAsHelmDoes() {
		Map<String, Object> base = new LinkedHashMap<>(
				Map.of("a", Map.of("x", 1, "y", 2), "list", List.of(1, 2), "plain", "base"));
		ProductionSettings.merge(base, Map.of("a", Map.of("y", 3), "list", List.of(9), "plain", "over"));
		assertThat(base).containsEntry("a", Map.of("x", 1, "y", 3))
			.containsEntry("list", List.of(9))
			.containsEntry("plain", "over");
	}

}
