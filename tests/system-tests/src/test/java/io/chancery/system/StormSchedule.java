package io.chancery.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults of a storm, drawn from a seed so that a failing run can be run again as it
 * was: one fault at a time (so at most one broker and one Elasticsearch node are ever
 * down), each a crash ({@code kill -9}, started again after a while), a pause
 * ({@code SIGSTOP} for 5 to 30 s, then {@code SIGCONT}) or a graceful restart, of a Kafka
 * node, an Elasticsearch data node or any service replica, with a quiet gap after each.
 */
record StormSchedule(long seed, List<Fault> faults) {

	/** What is done to a target. */
	enum Kind {

		KILL, PAUSE, RESTART

	}

	/**
	 * One fault.
	 *
	 * @param at when it begins, from the start of the storm
	 * @param kind what is done
	 * @param target a Kafka node ({@code kafka-2}), an Elasticsearch node
	 * ({@code chancery-local-1}) or a service process ({@code ingest-service-2})
	 * @param hold how long a killed target stays down, or a paused one paused
	 */
	record Fault(Duration at, Kind kind, String target, Duration hold) {

		@Override
		public String toString() {
			return String.format("%6.1f s  %-7s %-18s %s", this.at.toMillis() / 1000.0, this.kind, this.target,
					(this.kind == Kind.RESTART) ? "" : "for " + this.hold.toSeconds() + " s");
		}

	}

	/**
	 * Draws the faults of a storm of {@code length}, leaving its last 30 s without a new
	 * fault.
	 */
	static StormSchedule draw(long seed, Duration length, List<String> brokers, List<String> dataNodes,
			List<String> services) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Fault> faults = new ArrayList<>();
		long at = 15_000;
		while (at < length.toMillis() - 30_000) {
			List<String> group = switch (random.nextInt(3)) {
				case 0 -> brokers;
				case 1 -> dataNodes;
				default -> services;
			};
			String target = group.get(random.nextInt(group.size()));
			Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
			long hold = switch (kind) {
				case KILL -> random.nextLong(5_000, 15_001);
				case PAUSE -> random.nextLong(5_000, 30_001);
				case RESTART -> 0;
			};
			faults.add(new Fault(Duration.ofMillis(at), kind, target, Duration.ofMillis(hold)));
			// A restart takes its own time; the gap after it is measured from when it is
			// applied.
			at += hold + random.nextLong(10_000, 25_001);
		}
		return new StormSchedule(seed, List.copyOf(faults));
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("seed " + this.seed + "\n");
		this.faults.forEach((fault) -> text.append(fault).append('\n'));
		return text.toString();
	}

}
