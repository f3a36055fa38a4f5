package io.chancery.benchmarks.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MachineTimesTests {

	private static final String DISKS = """
			   7       0 loop0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
			 254       0 vda 1000 0 2000 0 500 0 4000 0 0 100 0 0 0 0 0 0 0
			 254       1 vda1 1000 0 2000 0 500 0 4000 0 0 100 0 0 0 0 0 0 0
			 253       0 zram0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
			""";

	@Test
	void aPhaseIsDescribedByTheCoresItKeptBusyTheDiskAndTheHost() {
		MachineTimes.Snapshot before = MachineTimes.parse("""
				cpu  1000 0 200 5000 10 0 50 0 0 0
				cpu0 500 0 100 2500 5 0 25 0 0 0
				""", DISKS, 0);
		MachineTimes.Snapshot after = MachineTimes.parse("""
				cpu  2500 100 400 5100 20 0 130 40 0 0
				""", """
				 254       0 vda 1100 0 4048 0 600 0 1004000 0 0 300 0 0 0 0 0 0 0
				 254       1 vda1 1100 0 4048 0 600 0 1004000 0 0 300 0 0 0 0 0 0 0
				""", 10_000_000_000L);

		assertThat(before.disks()).containsOnlyKeys("vda");
		// Over 10 s: 1,600 ticks of user and nice are 1.6 cores, 200 of system 0.2, 80
		// of softirq 0.08, 10 of iowait 0.01, 40 stolen 0.04.
		assertThat(MachineTimes.describe(before, after, 2))
			.isEqualTo("busy 1.88 of 2 cores (user 1.60, system 0.20, softirq 0.08), waiting for the disk 0.01,"
					+ " stolen by the host 0.04; vda busy 2 %, 1.0 MB read, 512.0 MB written");
	}

	@Test
	void nothingIsSaidWithoutTheKernelsFigures() {
		MachineTimes.Snapshot none = new MachineTimes.Snapshot(new long[0], java.util.Map.of(), 0);
		assertThat(MachineTimes.describe(none, none, 2)).isEmpty();
	}

}
