package io.chancery.benchmarks.profiling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a recording's execution samples were, each as a share of all samples, as
 * {@code jfr print --events jdk.ExecutionSample} would show them once counted: the
 * methods on top of the stack (self time), the libraries whose code was running, and
 * Chancery's own methods found anywhere in the stack (total time).
 */
final class HotMethods {

	private static final String APPLICATION = "io.chancery.";

	private static final Set<String> FAMILIES = Set.of("org.apache", "org.springframework", "io.chancery", "io.netty",
			"io.micrometer", "co.elastic", "tools.jackson", "io.opentelemetry", "reactor.netty", "org.elasticsearch");

	private HotMethods() {
	}

	static List<String> summarise(Path recording, int top) {
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> libraries = new HashMap<>();
		Map<String, Integer> total = new HashMap<>();
		int samples = 0;
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
					continue;
				}
				List<RecordedFrame> frames = event.getStackTrace().getFrames();
				if (frames.isEmpty()) {
					continue;
				}
				samples++;
				self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
				libraries.merge(library(frames), 1, Integer::sum);
				Set<String> seen = new HashSet<>();
				for (RecordedFrame frame : frames) {
					String name = name(frame.getMethod());
					if (name.startsWith(APPLICATION) && seen.add(name)) {
						total.merge(name, 1, Integer::sum);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> lines = new ArrayList<>();
		lines.add(samples + " execution samples.");
		lines.add("");
		lines.add("| self | method on top of the stack |");
		lines.add("|---|---|");
		for (Map.Entry<String, Integer> entry : highest(self, top)) {
			lines.add("| " + share(entry.getValue(), samples) + " | `" + entry.getKey() + "` |");
		}
		lines.add("");
		lines.add("| self | library (the first frame outside the JDK from the top of the stack) |");
		lines.add("|---|---|");
		for (Map.Entry<String, Integer> entry : highest(libraries, top)) {
			lines.add("| " + share(entry.getValue(), samples) + " | `" + entry.getKey() + "` |");
		}
		lines.add("");
		lines.add("| total | Chancery's own method anywhere in the stack |");
		lines.add("|---|---|");
		for (Map.Entry<String, Integer> entry : highest(total, top)) {
			lines.add("| " + share(entry.getValue(), samples) + " | `" + entry.getKey() + "` |");
		}
		return lines;
	}

	/**
	 * Whose code a sample is in: the package of the topmost frame outside the JDK (a
	 * collection or string method called by jsoup counts for jsoup), three segments deep
	 * for the large families.
	 */
	private static String library(List<RecordedFrame> frames) {
		for (RecordedFrame frame : frames) {
			String type = frame.getMethod().getType().getName();
			if (!jdk(type)) {
				String[] parts = type.split("\\.");
				boolean family = parts.length > 3 && FAMILIES.contains(parts[0] + "." + parts[1]);
				int depth = Math.min(parts.length - 1, family ? 3 : 2);
				return String.join(".", java.util.Arrays.copyOf(parts, depth));
			}
		}
		return "JDK only";
	}

	private static List<Map.Entry<String, Integer>> highest(Map<String, Integer> counts, int top) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(top)
			.toList();
	}

	private static String share(int count, int samples) {
		return String.format(Locale.ROOT, "%.1f%%", (samples > 0) ? 100.0 * count / samples : 0);
	}

	private static String name(RecordedMethod method) {
		return method.getType().getName() + "." + method.getName();
	}

	private static boolean jdk(String name) {
		return name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.");
	}

}
