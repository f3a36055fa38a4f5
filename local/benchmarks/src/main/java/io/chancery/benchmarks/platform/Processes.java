package io.chancery.benchmarks.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The processes this JVM started, directly or through the platform's process guards,
 * named by what they are, with their resident memory and CPU time from {@code /proc}.
 * Only descendants of this JVM are looked at, so stacks that other builds run on the same
 * machine never count.
 */
public final class Processes {

	/** The services, in the order the report lists them. */
	public static final List<String> SERVICES = List.of("web-gateway", "ingest-service", "search-service",
			"counter-service");

	/** This JVM: the load generator for writes and imports, and the poller. */
	public static final String BENCHMARK = "benchmark JVM";

	/** Children of this JVM that have exited, such as wrk and jcmd, from its cutime. */
	public static final String EXITED_CHILDREN = "wrk (and other exited children)";

	private static final double TICKS_PER_SECOND = 100.0;

	private static final Pattern PROCESS_NAME = Pattern.compile("\0-Dchancery\\.process=([a-z0-9-]+)\0");

	private final String version;

	public Processes(String version) {
		this.version = version;
	}

	/**
	 * Every descendant by component: services, kafka, elasticsearch, nginx, wrk, other.
	 */
	public Map<String, List<Long>> components() {
		Map<String, List<Long>> components = new LinkedHashMap<>();
		ProcessHandle.current().descendants().forEach((process) -> {
			String component = classify(commandLine(process.pid()));
			if (component != null) {
				components.computeIfAbsent(component, (key) -> new ArrayList<>()).add(process.pid());
			}
		});
		return components;
	}

	/**
	 * Each service's JVM, replicas named as the local run names them
	 * ({@code ingest-service-2} and on).
	 */
	public Map<String, Long> services() {
		Map<String, List<Long>> components = components();
		Map<String, Long> services = new LinkedHashMap<>();
		for (String service : SERVICES) {
			List<String> names = components.keySet()
				.stream()
				.filter((name) -> name.equals(service) || name.matches(Pattern.quote(service) + "-\\d+"))
				.sorted()
				.toList();
			if (!names.contains(service)) {
				throw new IllegalStateException("No process of " + service + " among " + components);
			}
			for (String name : names) {
				List<Long> pids = components.get(name);
				if (pids.size() != 1) {
					throw new IllegalStateException("Expected one process named " + name + ", found " + pids);
				}
				services.put(name, pids.get(0));
			}
		}
		return services;
	}

	/**
	 * The service a process name belongs to: {@code ingest-service} for
	 * {@code ingest-service-2}.
	 */
	public static String serviceOf(String name) {
		return SERVICES.stream()
			.filter((service) -> name.equals(service) || name.startsWith(service + "-"))
			.findFirst()
			.orElse(name);
	}

	/** Resident memory now, in bytes; 0 once the process is gone. */
	public static long residentBytes(long pid) {
		return statusKb(pid, "VmRSS:") * 1024;
	}

	/** The most resident memory the process ever had, in bytes. */
	public static long peakResidentBytes(long pid) {
		return statusKb(pid, "VmHWM:") * 1024;
	}

	/**
	 * CPU seconds used so far by each component's live processes, plus this JVM's own and
	 * those of its children that have exited (wrk, jcmd).
	 */
	public CpuSnapshot cpu() {
		Map<Long, String> owners = new LinkedHashMap<>();
		Map<Long, Double> seconds = new LinkedHashMap<>();
		components().forEach((component, pids) -> {
			for (long pid : pids) {
				owners.put(pid, component);
				seconds.put(pid, cpuSeconds(pid, false));
			}
		});
		long self = ProcessHandle.current().pid();
		return new CpuSnapshot(System.nanoTime(), owners, seconds, cpuSeconds(self, false), cpuSeconds(self, true));
	}

	private @Nullable String classify(String commandLine) {
		if (commandLine.isEmpty() || commandLine.contains("chancery-guard")) {
			return null;
		}
		for (String service : SERVICES) {
			if (commandLine.contains("-jar") && commandLine.contains(service + "-" + this.version + ".jar")) {
				// The local run names each process, replicas apart.
				Matcher named = PROCESS_NAME.matcher(commandLine);
				return named.find() ? named.group(1) : service;
			}
		}
		String program = commandLine.split("\0", 2)[0];
		if (program.startsWith("nginx") || program.endsWith("/nginx")) {
			return "nginx";
		}
		if (program.equals("wrk") || program.endsWith("/wrk")) {
			return "wrk";
		}
		if (commandLine.contains("io.chancery.infrastructure.KafkaNode")) {
			return "kafka";
		}
		// The launcher script, its CLI JVM and the server JVM (run through setpriv as
		// root).
		if (commandLine.contains("elasticsearch")) {
			return "elasticsearch";
		}
		return "other";
	}

	private static String commandLine(long pid) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static long statusKb(long pid, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException ex) {
			// Gone.
		}
		return 0;
	}

	/**
	 * User and system time of a process, or of its exited and waited-for children.
	 */
	static double cpuSeconds(long pid, boolean children) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			// The command name is in parentheses and may hold spaces; fields follow it.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime, stime, cutime, cstime are fields 14-17 of stat; 3 is fields[0] here.
			int first = children ? 13 : 11;
			return (Long.parseLong(fields[first]) + Long.parseLong(fields[first + 1])) / TICKS_PER_SECOND;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * CPU time used so far, by process.
	 *
	 * @param nanoTime when it was taken
	 * @param owners each process's component
	 * @param seconds each process's CPU seconds
	 * @param self this JVM's
	 * @param exitedChildren this JVM's exited children's
	 */
	public record CpuSnapshot(long nanoTime, Map<Long, String> owners, Map<Long, Double> seconds, double self,
			double exitedChildren) {

		/**
		 * CPU seconds each component used between {@code before} and this snapshot, with
		 * the elapsed wall-clock seconds under {@code "wall"}.
		 */
		public Map<String, Double> since(CpuSnapshot before) {
			Map<String, Double> used = new LinkedHashMap<>();
			for (String service : SERVICES) {
				used.put(service, 0.0);
			}
			used.put("kafka", 0.0);
			used.put("elasticsearch", 0.0);
			this.seconds.forEach((pid, now) -> {
				double delta = Math.max(0, now - before.seconds().getOrDefault(pid, 0.0));
				used.merge(this.owners.get(pid), delta, Double::sum);
			});
			used.put(BENCHMARK, Math.max(0, this.self - before.self()));
			used.put(EXITED_CHILDREN, Math.max(0, this.exitedChildren - before.exitedChildren()));
			used.put("wall", (this.nanoTime - before.nanoTime()) / 1e9);
			return used;
		}

	}

}
