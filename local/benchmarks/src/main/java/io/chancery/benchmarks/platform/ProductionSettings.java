package io.chancery.benchmarks.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the production values of the Helm chart give each service, applied to the local
 * run's processes: the heap the container's memory limit allows ({@code MaxRAMPercentage}
 * of it, as {@code -Xmx}, since these processes run in no container), the trace sampling
 * and the log format. Read from {@code deploy/helm/chancery/values.yaml} with
 * {@code values-production.yaml} over it, so the benchmark follows the chart when it
 * changes.
 *
 * @param heapMegabytes each service's heap
 * @param environment what every service gets in its environment
 * @param source where the figures came from, for the report
 */
public record ProductionSettings(Map<String, Integer> heapMegabytes, Map<String, String> environment, String source) {

	private static final Pattern QUANTITY = Pattern.compile("(\\d+)(Ki|Mi|Gi)?");

	/** Reads the chart's values under {@code project}. */
	public static ProductionSettings of(Path project) {
		Path chart = project.resolve("deploy").resolve("helm").resolve("chancery");
		Map<String, Object> values = read(chart.resolve("values.yaml"));
		merge(values, read(chart.resolve("values-production.yaml")));
		double percentage = Double.parseDouble(String.valueOf(at(values, "jvm", "maxRamPercentage")));
		Map<String, Integer> heap = new LinkedHashMap<>();
		for (String service : Processes.SERVICES) {
			Object limit = at(values, "services", service, "resources", "limits", "memory");
			heap.put(service, (int) (megabytes(String.valueOf(limit)) * percentage / 100));
		}
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("TRACING_SAMPLING_PROBABILITY", String.valueOf(at(values, "tracing", "samplingProbability")));
		@Nullable Object format = at(values, "logging", "structuredFormat");
		if (format != null && !String.valueOf(format).isEmpty()) {
			environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", String.valueOf(format));
		}
		return new ProductionSettings(Map.copyOf(heap), Map.copyOf(environment),
				"deploy/helm/chancery/values.yaml with values-production.yaml: heap = " + Math.round(percentage)
						+ " % of each container's memory limit");
	}

	/** The JVM options a service gets on top of the local run's. */
	public List<String> jvmOptions(String service) {
		Integer heap = this.heapMegabytes.get(service);
		return (heap != null) ? List.of("-Xmx" + heap + "m") : List.of();
	}

	static long megabytes(String quantity) {
		Matcher matcher = QUANTITY.matcher(quantity.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a memory quantity this benchmark reads: " + quantity);
		}
		long number = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "";
		return switch (unit) {
			case "Gi" -> number * 1024;
			case "Mi" -> number;
			case "Ki" -> number / 1024;
			default -> number / (1024 * 1024);
		};
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> read(Path file) {
		try {
			Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
			return (loaded instanceof Map<?, ?> map) ? new LinkedHashMap<>((Map<String, Object>) map)
					: new LinkedHashMap<>();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the chart's values in " + file, ex);
		}
	}

	/** Helm's rule: maps merge key by key, anything else is replaced. */
	@SuppressWarnings("unchecked")
	static void merge(Map<String, Object> base, Map<String, Object> over) {
		over.forEach((key, value) -> {
			Object existing = base.get(key);
			if (existing instanceof Map<?, ?> below && value instanceof Map<?, ?> above) {
				Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) below);
				merge(merged, (Map<String, Object>) above);
				base.put(key, merged);
			}
			else {
				base.put(key, value);
			}
		});
	}

	private static @Nullable Object at(Map<String, Object> values, String... path) {
		Object current = values;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

}
