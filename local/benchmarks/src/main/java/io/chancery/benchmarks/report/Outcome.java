package io.chancery.benchmarks.report;

import org.jspecify.annotations.Nullable;

/**
 * One line of the performance table: a figure of the platform beside its peer's, and
 * whether it meets the target.
 *
 * @param scenario the scenario, as the table names it
 * @param metric what was measured, for example {@code docs/s}
 * @param chancery the platform's figure, in the metric's unit
 * @param peer the peer's figure, if there is a peer
 * @param ratio the platform's figure over the peer's, for ratio targets
 * @param chanceryText the platform's figure as the table shows it
 * @param peerText the peer's figure as the table shows it
 * @param target the target, as the issue words it
 * @param met whether the target is met; {@code null} when there is no target
 * @param note what else the reader needs to judge the figure
 */
public record Outcome(String scenario, String metric, double chancery, @Nullable Double peer, @Nullable Double ratio,
		String chanceryText, String peerText, String target, @Nullable Boolean met, String note) {

	/** A throughput compared as a ratio, met when it is at least {@code minimum}. */
	public static Outcome ratio(String scenario, String metric, double chancery, double peer, double minimum,
			String chanceryText, String peerText, String note) {
		double ratio = (peer > 0) ? chancery / peer : 0;
		return new Outcome(scenario, metric, chancery, peer, ratio, chanceryText, peerText,
				"≥ " + Format.decimal(minimum, 1) + "× the peer", ratio >= minimum, note);
	}

	/** A figure that must not exceed {@code limit}. */
	public static Outcome atMost(String scenario, String metric, double chancery, @Nullable Double peer, double limit,
			String chanceryText, String peerText, String target, String note) {
		return new Outcome(scenario, metric, chancery, peer, null, chanceryText, peerText, target, chancery <= limit,
				note);
	}

}
