package io.chancery.benchmarks.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chancery.benchmarks.platform.Processes;
import io.chancery.benchmarks.report.Format;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.ScenarioResult;

/**
 * Footprint: each service's resident memory idle (after the warm-up and a quiet pause)
 * and under load (the highest of readings taken every half second through every
 * scenario), and how long the whole platform took to become ready from nothing.
 */
public final class Footprint {

	static final String NAME = "footprint";

	private static final long LIMIT = 350L * 1024 * 1024;

	private Footprint() {
	}

	/**
	 * @param coldStart from nothing to every service ready
	 * @param idle resident bytes by service, idle
	 * @param underLoad the highest resident bytes by service during the scenarios
	 * @param highWater the kernel's high-water mark by service at the end
	 * @param engines resident bytes of Kafka and Elasticsearch at the end
	 */
	public static ScenarioResult of(Duration coldStart, Map<String, Long> idle, Map<String, Long> underLoad,
			Map<String, Long> highWater, Map<String, Long> engines) {
		List<Outcome> outcomes = new ArrayList<>();
		List<String> raw = new ArrayList<>();
		raw.add("| process | idle | under load (highest sample) | high-water mark (VmHWM) |");
		raw.add("|---|---|---|---|");
		for (String service : Processes.SERVICES) {
			long atRest = idle.getOrDefault(service, 0L);
			long loaded = Math.max(atRest, underLoad.getOrDefault(service, 0L));
			outcomes.add(
					Outcome.atMost(NAME + ", " + service, "MB RSS", loaded / 1024.0 / 1024, null, LIMIT / 1024.0 / 1024,
							"idle " + Format.megabytes(atRest) + ", under load " + Format.megabytes(loaded), "—",
							"≤ 350 MB RSS", ""));
			raw.add("| " + service + " | " + Format.megabytes(atRest) + " | " + Format.megabytes(loaded) + " | "
					+ Format.megabytes(highWater.getOrDefault(service, 0L)) + " |");
		}
		engines.forEach((name, bytes) -> raw
			.add("| " + name + " (for reference) | | " + Format.megabytes(bytes) + " at the end | |"));
		raw.add("");
		raw.add("Each service runs as the local run starts it: `"
				+ String.join(" ", io.chancery.localrun.LocalPlatform.serviceJvmOptions())
				+ "`, with `MALLOC_ARENA_MAX=2`.");
		double seconds = coldStart.toMillis() / 1000.0;
		outcomes.add(Outcome.atMost("stack cold start", "s", seconds, null, 60, Format.decimal(seconds, 1) + " s", "—",
				"≤ 60 s", "from nothing running to every service ready: Kafka formatted and started, topics created, "
						+ "Elasticsearch started, then the four services in parallel"));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("coldStartSeconds", seconds);
		details.put("idleBytes", idle);
		details.put("underLoadBytes", underLoad);
		details.put("highWaterBytes", highWater);
		details.put("engineBytes", engines);
		return new ScenarioResult(NAME, outcomes, details, Map.of(), raw, Map.of());
	}

}
