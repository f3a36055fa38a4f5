package io.chancery.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart in deploy/helm/chancery, rendered and linted through helm-java (Helm's own
 * code, loaded as a native library). Renders are cached: the chart does not change while
 * the tests run.
 */
final class Chart {

	static final String RELEASE = "chancery";

	static final String NAMESPACE = "chancery";

	/** The oldest Kubernetes the chart supports (its kubeVersion). */
	static final String KUBERNETES_VERSION = "1.30.0";

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	/**
	 * The APIs of the cluster the production example is written for, beyond Kubernetes'
	 * own: the Prometheus Operator's and the Gateway API's. helm template asks no
	 * cluster, so the render is told ({@code assumedApiVersions}).
	 */
	static final List<String> PRODUCTION_APIS = List.of("monitoring.coreos.com/v1/ServiceMonitor",
			"monitoring.coreos.com/v1/PodMonitor", "monitoring.coreos.com/v1/PrometheusRule",
			"gateway.networking.k8s.io/v1/HTTPRoute");

	private static final Map<String, Manifests> renders = new ConcurrentHashMap<>();

	private Chart() {
	}

	static Path directory() {
		return Path.of(System.getProperty("chancery.chart", "../../deploy/helm/chancery")).toAbsolutePath().normalize();
	}

	static Path project() {
		return Path.of(System.getProperty("chancery.project", "../..")).toAbsolutePath().normalize();
	}

	/** Chart.yaml, as its fields. */
	static JsonNode chartYaml() {
		try {
			return YAML.readTree(Files.readString(directory().resolve("Chart.yaml")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path productionValues() {
		return directory().resolve("values-production.yaml");
	}

	/** The objects the chart renders with its own values. */
	static Manifests defaults() {
		return renders.computeIfAbsent("defaults", (key) -> keep(key, render(null, Map.of())));
	}

	/** The objects the chart renders with the production example's values. */
	static Manifests production() {
		return renders.computeIfAbsent("production",
				(key) -> keep(key, renderLayered(List.of(productionValues(), assumedApis(PRODUCTION_APIS)), Map.of())));
	}

	/**
	 * Every optional object switched on at once, so that schema validation sees each
	 * template at least once.
	 */
	static Manifests everything() {
		return renders.computeIfAbsent("everything",
				(key) -> keep(key, renderLayered(List.of(productionValues(), assumedApis(PRODUCTION_APIS)),
						Map.of("httpRoute.enabled", true, "serviceMonitor.enabled", true, "prometheusRule.enabled",
								true, "grafanaDashboard.enabled", true, "elasticsearch.analysisPlugin.url",
								"https://artifacts.example.org/analysis-plugin-0.1.0.zip"))));
	}

	static Manifests render(@Nullable Path valuesFile, Map<String, Object> sets) {
		return renderLayered((valuesFile != null) ? List.of(valuesFile) : List.of(), sets);
	}

	/** Renders with values files laid over the chart's own, in order, then the sets. */
	static Manifests renderLayered(List<Path> valuesFiles, Map<String, Object> sets) {
		return renderChart(directory(), valuesFiles, sets);
	}

	/** Renders another copy of the chart (an earlier version) the same way. */
	static Manifests renderChart(Path chart, List<Path> valuesFiles, Map<String, Object> sets) {
		TemplateCommand template = new Helm(chart).template()
			.withName(RELEASE)
			.withNamespace(NAMESPACE)
			.withKubeVersion(KUBERNETES_VERSION);
		for (Path valuesFile : valuesFiles) {
			template = template.withValuesFile(valuesFile);
		}
		for (Map.Entry<String, Object> set : sets.entrySet()) {
			template = template.set(set.getKey(), set.getValue());
		}
		return new Manifests(parse(template.call()));
	}

	/**
	 * Writes a rendering to target/rendered/, for a person to read when a test fails.
	 */
	private static Manifests keep(String name, Manifests manifests) {
		try {
			Path directory = Files.createDirectories(Path.of("target", "rendered"));
			StringBuilder yaml = new StringBuilder();
			for (ObjectNode object : manifests.objects()) {
				yaml.append(YAML.writeValueAsString(object));
			}
			Files.writeString(directory.resolve(name + ".yaml"), yaml);
			return manifests;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<ObjectNode> parse(String yaml) {
		List<ObjectNode> objects = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
			while (documents.hasNextValue()) {
				JsonNode document = documents.nextValue();
				if (document instanceof ObjectNode object && !object.isEmpty()) {
					objects.add(object);
				}
			}
		}
		return objects;
	}

	/** {@code helm lint --strict} of the chart as it is. */
	static LintResult lint() {
		return new Helm(directory()).lint().strict().call();
	}

	/**
	 * {@code helm lint --strict} with a values file laid over the chart's own:
	 * helm-java's lint takes no values file, so a copy of the chart gets the merged
	 * values as its values.yaml.
	 */
	static LintResult lint(Path valuesFile, Path workDirectory, List<String> assumedApiVersions) {
		try {
			Path copy = workDirectory.resolve(directory().getFileName());
			copyRecursively(directory(), copy);
			ObjectNode merged = (ObjectNode) YAML.readTree(directory().resolve("values.yaml").toFile());
			merge(merged, (ObjectNode) YAML.readTree(valuesFile.toFile()));
			merged.set("assumedApiVersions", YAML.valueToTree(assumedApiVersions));
			YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
			return new Helm(copy).lint().strict().call();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A values file that names APIs as served ({@code assumedApiVersions}). */
	static Path assumedApis(List<String> apis) {
		try {
			Path file = Files.createDirectories(Path.of("target", "values"))
				.resolve("assumed-" + Integer.toHexString(apis.hashCode()) + ".yaml");
			YAML.writeValue(file.toFile(), Map.of("assumedApiVersions", apis));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Helm's rule: maps merge key by key, anything else replaces. */
	private static void merge(ObjectNode base, ObjectNode overlay) {
		for (Map.Entry<String, JsonNode> entry : overlay.properties()) {
			JsonNode existing = base.get(entry.getKey());
			if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode overlayObject) {
				merge(existingObject, overlayObject);
			}
			else {
				base.set(entry.getKey(), entry.getValue());
			}
		}
	}

	private static void copyRecursively(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : paths.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
	}

}
