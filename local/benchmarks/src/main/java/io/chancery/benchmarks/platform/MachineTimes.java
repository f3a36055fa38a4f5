package io.chancery.benchmarks.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chancery.benchmarks.report.Format;

/**
 * The whole machine's time during a phase, beside what each process spent: how many cores
 * were busy and on what (user code, the kernel, softirq — loopback networking is counted
 * there), how much time went waiting for the disk with nothing else to run, how much the
 * hypervisor took (steal), and how busy each disk was. A pipeline that falls behind while
 * its processes use less CPU is waiting on something; these say whether it was the disk
 * or the host. From {@code /proc/stat} and {@code /proc/diskstats}.
 */
public final class MachineTimes {

	/** Linux's USER_HZ, the unit of /proc/stat, on every architecture this runs on. */
	private static final double TICKS_PER_SECOND = 100;

	private static final int SECTOR_BYTES = 512;

	private MachineTimes() {
	}

	/** The counters now; empty where the kernel does not say. */
	public static Snapshot read() {
		try {
			return parse(Files.readString(Path.of("/proc/stat")), Files.readString(Path.of("/proc/diskstats")),
					System.nanoTime());
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux, or a format this does not know: nothing to say.
			return new Snapshot(new long[0], Map.of(), System.nanoTime());
		}
	}

	static Snapshot parse(String stat, String diskstats, long nanoTime) {
		String first = stat.lines().filter((line) -> line.startsWith("cpu ")).findFirst().orElseThrow();
		String[] fields = first.trim().split("\\s+");
		long[] cpu = new long[fields.length - 1];
		for (int i = 1; i < fields.length; i++) {
			cpu[i - 1] = Long.parseLong(fields[i]);
		}
		Map<String, long[]> disks = new LinkedHashMap<>();
		List<String[]> rows = diskstats.lines().map((line) -> line.trim().split("\\s+")).toList();
		for (String[] row : rows) {
			String name = row[2];
			boolean partition = rows.stream()
				.anyMatch((other) -> !other[2].equals(name) && name.startsWith(other[2])
						&& Character.isDigit(name.charAt(name.length() - 1)));
			if (name.startsWith("loop") || name.startsWith("ram") || name.startsWith("zram") || partition
					|| row.length < 14) {
				continue;
			}
			// Sectors read, sectors written, milliseconds spent doing I/O.
			disks.put(name, new long[] { Long.parseLong(row[5]), Long.parseLong(row[9]), Long.parseLong(row[12]) });
		}
		return new Snapshot(cpu, disks, nanoTime);
	}

	/**
	 * What the machine did between two readings, such as "busy 1.72 of 2 cores (user
	 * 1.41, system 0.22, softirq 0.09), waiting for the disk 0.03, stolen 0.00; vda busy
	 * 4 %, 1.2 MB read, 120.4 MB written".
	 */
	public static String describe(Snapshot before, Snapshot after, int cores) {
		if (before.cpu().length < 8 || after.cpu().length < 8) {
			return "";
		}
		double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
		if (seconds <= 0) {
			return "";
		}
		double user = cores(before, after, 0, seconds) + cores(before, after, 1, seconds);
		double system = cores(before, after, 2, seconds);
		double iowait = cores(before, after, 4, seconds);
		double irq = cores(before, after, 5, seconds);
		double softirq = cores(before, after, 6, seconds);
		double steal = cores(before, after, 7, seconds);
		StringBuilder described = new StringBuilder().append("busy ")
			.append(Format.decimal(user + system + irq + softirq, 2))
			.append(" of ")
			.append(cores)
			.append(" cores (user ")
			.append(Format.decimal(user, 2))
			.append(", system ")
			.append(Format.decimal(system + irq, 2))
			.append(", softirq ")
			.append(Format.decimal(softirq, 2))
			.append("), waiting for the disk ")
			.append(Format.decimal(iowait, 2))
			.append(", stolen by the host ")
			.append(Format.decimal(steal, 2));
		after.disks().forEach((name, counters) -> {
			long[] earlier = before.disks().get(name);
			if (earlier == null) {
				return;
			}
			double busy = (counters[2] - earlier[2]) / 10.0 / seconds;
			described.append("; ")
				.append(name)
				.append(" busy ")
				.append(Format.whole(busy))
				.append(" %, ")
				.append(Format.decimal((counters[0] - earlier[0]) * (double) SECTOR_BYTES / 1e6, 1))
				.append(" MB read, ")
				.append(Format.decimal((counters[1] - earlier[1]) * (double) SECTOR_BYTES / 1e6, 1))
				.append(" MB written");
		});
		return described.toString();
	}

	private static double cores(Snapshot before, Snapshot after, int column, double seconds) {
		return (after.cpu()[column] - before.cpu()[column]) / TICKS_PER_SECOND / seconds;
	}

	/**
	 * The machine's counters at one moment.
	 *
	 * @param cpu the aggregate {@code cpu} line of /proc/stat: user, nice, system, idle,
	 * iowait, irq, softirq, steal, … in ticks
	 * @param disks per whole disk: sectors read, sectors written, milliseconds doing I/O
	 * @param nanoTime when it was read
	 */
	public record Snapshot(long[] cpu, Map<String, long[]> disks, long nanoTime) {
	}

}
