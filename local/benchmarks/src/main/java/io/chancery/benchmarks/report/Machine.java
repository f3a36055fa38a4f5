package io.chancery.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured on.
 *
 * @param cores processors available to the JVM
 * @param cpu the processor's model name
 * @param memoryBytes physical memory
 * @param os the operating system and kernel
 */
public record Machine(int cores, String cpu, long memoryBytes, String os) {

	public static Machine current() {
		return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(), memory(),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
						+ System.getProperty("os.arch") + ")");
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static long memory() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException ex) {
			// Not Linux.
		}
		return 0;
	}

	/**
	 * The load averages over one, five and fifteen minutes.
	 *
	 * @param one the last minute
	 * @param five the last five minutes
	 * @param fifteen the last fifteen minutes
	 */
	public record Load(double one, double five, double fifteen) {

		public static Load now() {
			try {
				List<String> fields = List.of(Files.readString(Path.of("/proc/loadavg")).strip().split(" "));
				return new Load(Double.parseDouble(fields.get(0)), Double.parseDouble(fields.get(1)),
						Double.parseDouble(fields.get(2)));
			}
			catch (IOException | RuntimeException ex) {
				double one = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
				return new Load(one, one, one);
			}
		}

		@Override
		public String toString() {
			return Format.decimal(this.one, 2) + ", " + Format.decimal(this.five, 2) + ", "
					+ Format.decimal(this.fifteen, 2);
		}

	}

}
