package io.chancery.benchmarks.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessWarmUpTests {

	@Test
	void theCompilersTimeIsWhatEachProcessAddedAndANewcomerAddsNothingYet() {
		Map<String, Double> before = Map.of("web-gateway", 10_000.0, "ingest-service", 20_000.0);
		Map<String, Double> after = new LinkedHashMap<>();
		after.put("web-gateway", 11_200.0);
		after.put("ingest-service", 20_800.0);
		// A replica that did not answer before: its first reading is where it starts.
		after.put("ingest-service-2", 50_000.0);

		assertThat(FreshnessWarmUp.compiling(before, after)).isEqualTo(2.0);
		assertThat(FreshnessWarmUp.describe(before, after))
			.isEqualTo("web-gateway 1.2 s, ingest-service 0.8 s, ingest-service-2 0.0 s");
	}

}
