package io.chancery.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a run as Markdown between two marker comments of {@code docs/performance.md}, so
 * what people wrote around it (tuning notes, profiles, decisions) survives the next run;
 * a new file gets a short frame around the markers.
 */
public final class MarkdownReport {

	static final String BEGIN = "<!-- benchmarks:begin — written by the benchmark run; edits between these markers are "
			+ "replaced -->";

	static final String END = "<!-- benchmarks:end -->";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'");

	private MarkdownReport() {
	}

	/** Writes {@code report} into {@code file}, keeping what lies outside the markers. */
	public static void write(RunReport report, Path file) {
		try {
			String generated = BEGIN + "\n" + render(report) + END + "\n";
			String text;
			if (Files.exists(file)) {
				String existing = Files.readString(file, StandardCharsets.UTF_8);
				int begin = existing.indexOf(BEGIN);
				int end = existing.indexOf(END);
				text = (begin >= 0 && end > begin)
						? existing.substring(0, begin) + generated
								+ existing.substring(Math.min(existing.length(), end + END.length() + 1))
						: frame(report, generated);
			}
			else {
				text = frame(report, generated);
			}
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String frame(RunReport report, String generated) {
		return """
				# Performance

				Chancery measured beside the peer a user would pick instead — Elasticsearch with raw `_bulk` and \
				queries, nginx as proxy and static server — on the same machine in the same run, so the ratios \
				mean something on a noisy machine where absolute times alone prove nothing.

				Run it with:

				```bash
				%s
				```

				""".formatted(report.command()) + generated;
	}

	static String render(RunReport report) {
		StringBuilder md = new StringBuilder();
		Duration took = Duration.between(report.started(), report.finished());
		md.append("## Results\n\n");
		md.append("Measured ")
			.append(WHEN.format(report.started().atOffset(ZoneOffset.UTC)))
			.append(" (")
			.append(report.preset())
			.append(" sizes, ")
			.append(took.toMinutes())
			.append(" min ")
			.append(took.toSecondsPart())
			.append(" s) on ")
			.append(report.machine().cores())
			.append(" cores and ")
			.append(Format.decimal(report.machine().memoryBytes() / 1024.0 / 1024 / 1024, 1))
			.append(" GB; load average before the start ")
			.append(report.loads().getOrDefault("before start", new Machine.Load(0, 0, 0)))
			.append(" (1, 5, 15 min). Command: `")
			.append(report.command())
			.append("`.\n\n");
		md.append("| scenario | Chancery | peer | ratio | target | met? |\n");
		md.append("|---|---|---|---|---|---|\n");
		for (Outcome outcome : report.allOutcomes()) {
			md.append("| ")
				.append(outcome.scenario())
				.append(" | ")
				.append(outcome.chanceryText())
				.append(" | ")
				.append(outcome.peerText())
				.append(" | ")
				.append((outcome.ratio() != null) ? Format.decimal(outcome.ratio(), 2) + "×" : "—")
				.append(" | ")
				.append(outcome.target())
				.append(" | ")
				.append((outcome.met() == null) ? "—" : (outcome.met() ? "yes" : "**no**"))
				.append(" |\n");
		}
		md.append('\n');
		for (Outcome outcome : report.allOutcomes()) {
			if (!outcome.note().isBlank()) {
				md.append("- *").append(outcome.scenario()).append("*: ").append(outcome.note()).append('\n');
			}
		}
		for (String note : report.notes()) {
			md.append("- ").append(note).append('\n');
		}
		md.append('\n');

		md.append("### Machine and versions\n\n| | |\n|---|---|\n");
		row(md, "processor", report.machine().cpu());
		row(md, "cores, memory", report.machine().cores() + ", "
				+ Format.decimal(report.machine().memoryBytes() / 1024.0 / 1024 / 1024, 1) + " GB");
		row(md, "operating system", report.machine().os());
		report.loads().forEach((moment, load) -> row(md, "load average " + moment, load.toString()));
		report.versions().forEach((name, version) -> row(md, name, version));
		md.append('\n');

		md.append("### Sizes and durations\n\n| setting | value |\n|---|---|\n");
		report.settings().forEach((name, value) -> row(md, "`" + name + "`", value));
		md.append('\n');

		md.append("### Where the CPU went\n\n");
		md.append("Average cores busy per process during each measured phase (CPU seconds over wall-clock seconds, ")
			.append("from `/proc`; the machine has ")
			.append(report.machine().cores())
			.append("). The benchmark JVM is the load generator of the write scenarios and the poller.\n\n");
		Set<String> components = new LinkedHashSet<>();
		for (ScenarioResult scenario : report.scenarios()) {
			scenario.cpu().values().forEach((phase) -> components.addAll(phase.keySet()));
		}
		components.remove("wall");
		List<String> columns = new ArrayList<>(components);
		md.append("| phase | wall s | ").append(String.join(" | ", columns)).append(" |\n");
		md.append("|---|---|").append("---|".repeat(columns.size())).append('\n');
		for (ScenarioResult scenario : report.scenarios()) {
			for (Map.Entry<String, Map<String, Double>> phase : scenario.cpu().entrySet()) {
				double wall = phase.getValue().getOrDefault("wall", 0.0);
				md.append("| ")
					.append(scenario.name())
					.append(", ")
					.append(phase.getKey())
					.append(" | ")
					.append(Format.decimal(wall, 1));
				for (String column : columns) {
					double seconds = phase.getValue().getOrDefault(column, 0.0);
					md.append(" | ").append((wall > 0) ? Format.decimal(seconds / wall, 2) : "—");
				}
				md.append(" |\n");
			}
		}
		md.append('\n');

		md.append("### Raw figures\n\n");
		for (ScenarioResult scenario : report.scenarios()) {
			if (scenario.rawFigures().isEmpty()) {
				continue;
			}
			md.append("**").append(scenario.name()).append("**\n\n");
			scenario.rawFigures().forEach((line) -> md.append(line).append('\n'));
			md.append('\n');
		}

		boolean profiled = report.scenarios().stream().anyMatch((scenario) -> !scenario.profiles().isEmpty());
		if (profiled) {
			md.append("### Hottest methods (JFR execution samples)\n\n");
			for (ScenarioResult scenario : report.scenarios()) {
				scenario.profiles().forEach((service, lines) -> {
					md.append("**").append(scenario.name()).append(", ").append(service).append("**\n\n");
					lines.forEach((line) -> md.append(line).append('\n'));
					md.append('\n');
				});
			}
		}
		return md.toString();
	}

	private static void row(StringBuilder md, String name, String value) {
		md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
	}

	/** Writes {@code report} as JSON. */
	public static void writeJson(RunReport report, Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file,
					io.chancery.benchmarks.http.Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report),
					StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
