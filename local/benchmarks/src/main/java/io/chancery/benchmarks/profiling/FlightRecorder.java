package io.chancery.benchmarks.profiling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Records the services with Java Flight Recorder for the span of one measured phase,
 * through {@code jcmd} on their running JVMs: only that phase is recorded, nothing is
 * added to the services' command lines, and an unprofiled run is untouched. Sampling uses
 * the JDK's {@code profile} settings (Java code every 10 ms).
 */
public final class FlightRecorder {

	private final Path directory;

	private final boolean enabled;

	private final java.util.Set<Long> configured = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private FlightRecorder(Path directory, boolean enabled) {
		this.directory = directory;
		this.enabled = enabled;
	}

	/** Records into {@code directory} when {@code enabled}; otherwise does nothing. */
	public static FlightRecorder of(Path directory, boolean enabled) {
		return new FlightRecorder(directory, enabled);
	}

	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * Starts a recording named {@code label} in each of {@code services} (name to pid).
	 */
	public Recording start(String label, Map<String, Long> services) {
		if (this.enabled) {
			services.forEach((service, pid) -> {
				if (this.configured.add(pid)) {
					// Deep enough for a reactive gateway's stacks (the default, 64, cuts
					// off the filters at their roots); only possible before the first
					// recording of the JVM.
					jcmd(pid, "JFR.configure", "stackdepth=256");
				}
				jcmd(pid, "JFR.start", "name=" + label, "settings=profile");
			});
		}
		return new Recording(label, services);
	}

	private static String jcmd(long pid, String... command) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		List<String> arguments = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
		arguments.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(arguments).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("jcmd " + pid + " " + String.join(" ", command) + ": " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A recording running in some services. */
	public final class Recording {

		private final String label;

		private final Map<String, Long> services;

		private Recording(String label, Map<String, Long> services) {
			this.label = label;
			this.services = services;
		}

		/**
		 * Stops the recording, keeps each service's file and summarises it.
		 * @return by service, Markdown lines with the hottest methods; empty when not
		 * recording
		 */
		public Map<String, List<String>> stop() {
			Map<String, List<String>> summaries = new LinkedHashMap<>();
			if (!FlightRecorder.this.enabled) {
				return summaries;
			}
			try {
				Files.createDirectories(FlightRecorder.this.directory);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.services.forEach((service, pid) -> {
				Path file = FlightRecorder.this.directory.resolve(this.label + "-" + service + ".jfr");
				jcmd(pid, "JFR.stop", "name=" + this.label, "filename=" + file);
				List<String> summary = new java.util.ArrayList<>();
				summary.add("Recording `" + file.getFileName() + "` (in the run's output directory, `jfr/`).");
				summary.add("");
				summary.addAll(HotMethods.summarise(file, 12));
				summaries.put(service, summary);
			});
			return summaries;
		}

	}

}
