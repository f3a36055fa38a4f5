package io.chancery.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * What one scenario found.
 *
 * @param name the scenario
 * @param outcomes its lines of the table
 * @param details raw figures for the JSON file: timings, wrk results, counts
 * @param cpu CPU seconds by component during each measured phase (for example
 * {@code chancery} and {@code peer}), with the phase's wall-clock seconds under
 * {@code wall}
 * @param rawFigures Markdown lines with the raw figures behind the outcomes
 * @param profiles hottest methods by service, when the run was profiled
 */
public record ScenarioResult(String name, List<Outcome> outcomes, Map<String, Object> details,
		Map<String, Map<String, Double>> cpu, List<String> rawFigures, Map<String, List<String>> profiles) {

}
