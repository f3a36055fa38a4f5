package io.chancery.benchmarks.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chancery.benchmarks.report.Format;
import io.chancery.benchmarks.report.Outcome;
import io.chancery.benchmarks.report.ScenarioResult;
import org.jspecify.annotations.Nullable;

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
	 * How long the platform took from nothing running to every service ready.
	 *
	 * @param measured the start the scenarios ran on
	 * @param aotTraining making the services' AOT caches before it, when it used them
	 * @param withoutCaches the same start without AOT caches, as the first start after a
	 * build is, when measured
	 */
	public record ColdStart(Duration measured, @Nullable Duration aotTraining, @Nullable Duration withoutCaches) {

		String describe() {
			String text = "from nothing running to every service ready: Kafka formatted and started beside "
					+ "Elasticsearch, topics created, then the four services in parallel";
			if (this.aotTraining == null) {
				return text + "; the services started from their jars, without AOT caches";
			}
			text += "; the services started from the AOT caches the local run keeps after its first start (made "
					+ "before, in " + this.aotTraining.toSeconds() + " s, not counted)";
			if (this.withoutCaches != null) {
				text += "; the same start without them, as the first start after a build is: "
						+ Format.decimal(this.withoutCaches.toMillis() / 1000.0, 1) + " s";
			}
			return text;
		}

	}

	/**
	 * @param coldStart from nothing to every service ready
	 * @param idle resident bytes by service, idle
	 * @param underLoad the highest resident bytes by service during the scenarios
	 * @param highWater the kernel's high-water mark by service at the end
	 * @param engines resident bytes of Kafka and Elasticsearch at the end
	 * @param heapMegabytes the heap each service got over the local run's, if any
	 */
	public static ScenarioResult of(ColdStart coldStart, Map<String, Long> idle, Map<String, Long> underLoad,
			Map<String, Long> highWater, Map<String, Long> engines, Map<String, Integer> heapMegabytes) {
		List<Outcome> outcomes = new ArrayList<>();
		List<String> raw = new ArrayList<>();
		raw.add("| process | idle | under load (highest sample) | high-water mark (VmHWM) |");
		raw.add("|---|---|---|---|");
		for (String service : idle.keySet()) {
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
				+ "`, with `MALLOC_ARENA_MAX=2`"
				+ (heapMegabytes.isEmpty() ? ""
						: ", then the heap the production chart gives it (`-Xmx`, MB: " + heapMegabytes + ")")
				+ ((coldStart.aotTraining() != null) ? ", from its AOT cache (`-XX:AOTCache`)." : "."));
		double seconds = coldStart.measured().toMillis() / 1000.0;
		outcomes.add(Outcome.atMost("stack cold start", "s", seconds, null, 60, Format.decimal(seconds, 1) + " s", "—",
				"≤ 60 s", coldStart.describe()));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("coldStartSeconds", seconds);
		if (coldStart.aotTraining() != null) {
			details.put("aotTrainingSeconds", coldStart.aotTraining().toMillis() / 1000.0);
		}
		if (coldStart.withoutCaches() != null) {
			details.put("coldStartWithoutCachesSeconds", coldStart.withoutCaches().toMillis() / 1000.0);
		}
		details.put("idleBytes", idle);
		details.put("underLoadBytes", underLoad);
		details.put("highWaterBytes", highWater);
		details.put("engineBytes", engines);
		return new ScenarioResult(NAME, outcomes, details, Map.of(), raw, Map.of());
	}

}
