package io.chancery.benchmarks.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, and on what.
 *
 * @param preset {@code full} or {@code smoke}
 * @param started when the run started
 * @param finished when it ended
 * @param command the command that runs it
 * @param settings the sizes and durations it ran with
 * @param machine the machine
 * @param loads load averages at named moments (before the start, before the scenarios, at
 * the end)
 * @param versions versions of what was measured and of the peers
 * @param scenarios each scenario's results, in the order they ran
 * @param notes remarks on the run as a whole
 */
public record RunReport(String preset, Instant started, Instant finished, String command, Map<String, String> settings,
		Machine machine, Map<String, Machine.Load> loads, Map<String, String> versions, List<ScenarioResult> scenarios,
		List<String> notes) {

	/** Every line of the table, in order. */
	public List<Outcome> allOutcomes() {
		return this.scenarios.stream().flatMap((scenario) -> scenario.outcomes().stream()).toList();
	}

}
