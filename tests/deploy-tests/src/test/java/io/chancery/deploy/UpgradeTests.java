package io.chancery.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm upgrade} from the previous chart version, and {@code helm rollback} to it,
 * rendered: the values an operator wrote for the previous version still install with
 * these templates, and nothing Kubernetes or the operators cannot change in place differs
 * between the two versions' objects (Deployment selectors, Elasticsearch node sets and
 * their volume claims, Kafka node pools, topics and their partitions), so either
 * direction changes objects instead of replacing them, and no topic is dropped.
 *
 * <p>
 * {@code src/test/resources/upgrade/<version>/} holds that version's production example
 * and {@code fixed.json}, what it rendered of the above. Recorded from the version's
 * chart with {@code -Dupgrade.record=<its chart directory>} when a version is released.
 */
class UpgradeTests {

	static final String PREVIOUS = "0.1.0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void thePreviousVersionsProductionValuesInstallWithTheseTemplates() {
		Manifests upgraded = upgraded();
		assertThat(upgraded.ofKind("Deployment")).extracting(Manifests::name).containsAll(Manifests.SERVICES);
		List<String> problems = upgraded.objects()
			.stream()
			.flatMap((object) -> Schemas.problems(object).stream())
			.toList();
		assertThat(problems).isEmpty();
	}

	@Test
	void neitherDirectionChangesWhatCannotChangeInPlace() throws IOException {
		JsonNode before = JSON.readTree(resource("fixed.json").toFile());
		JsonNode after = fixed(upgraded());
		for (String object : before.propertyNames()) {
			if (object.equals("references")) {
				continue;
			}
			assertThat(after.has(object)).as("%s of %s is gone", object, PREVIOUS).isTrue();
			assertThat(after.get(object)).as(object).isEqualTo(before.get(object));
		}
	}

	@Test
	void whatAnUpgradeNeedsMadeFirstIsInTheUpgradeNotes() throws IOException {
		Set<String> before = new TreeSet<>();
		JSON.readTree(resource("fixed.json").toFile())
			.path("references")
			.forEach((name) -> before.add(name.asString()));
		Set<String> needed = references(upgraded());
		needed.removeAll(before);
		String operations = Files.readString(Chart.project().resolve("docs/operations.md"));
		assertThat(operations).contains("### From " + PREVIOUS);
		String notes = operations.substring(operations.indexOf("### From " + PREVIOUS));
		notes = notes.substring(0, notes.indexOf("\n#", 1));
		for (String name : needed) {
			assertThat(notes).as("docs/operations.md, From %s, names %s", PREVIOUS, name).contains(name);
		}
	}

	/** With {@code -Dupgrade.record=<chart>}: writes that chart's fixed.json. */
	@Test
	void record() throws IOException {
		String chart = System.getProperty("upgrade.record");
		if (chart == null) {
			return;
		}
		Manifests manifests = Chart.renderChart(Path.of(chart), List.of(Path.of(chart, "values-production.yaml")),
				Map.of());
		ObjectNode recorded = fixed(manifests);
		ArrayNode references = recorded.putArray("references");
		references(manifests).forEach(references::add);
		Path target = Path.of("src/test/resources/upgrade", PREVIOUS, "fixed.json");
		JSON.writerWithDefaultPrettyPrinter().writeValue(target.toFile(), recorded);
	}

	private static Manifests upgraded() {
		return Chart.renderLayered(
				List.of(resource("values-production.yaml"), Chart.assumedApis(Chart.PRODUCTION_APIS)), Map.of());
	}

	/**
	 * What {@code kubectl apply} cannot change, or the operators refuse to: the objects
	 * that hold data or select pods, by kind and name.
	 */
	static ObjectNode fixed(Manifests manifests) {
		ObjectNode fixed = JSON.createObjectNode();
		for (ObjectNode deployment : manifests.ofKind("Deployment")) {
			fixed.set("Deployment/" + Manifests.name(deployment), deployment.path("spec").path("selector"));
		}
		for (ObjectNode elasticsearch : manifests.ofKind("Elasticsearch")) {
			ArrayNode nodeSets = JSON.createArrayNode();
			for (JsonNode nodeSet : elasticsearch.path("spec").path("nodeSets")) {
				ObjectNode entry = nodeSets.addObject().put("name", nodeSet.path("name").asString());
				ArrayNode claims = entry.putArray("volumeClaimTemplates");
				nodeSet.path("volumeClaimTemplates")
					.forEach((claim) -> claims.add(claim.path("metadata").path("name")));
			}
			fixed.set("Elasticsearch/" + Manifests.name(elasticsearch), nodeSets);
		}
		for (ObjectNode kafka : manifests.ofKind("Kafka")) {
			fixed.set("Kafka/" + Manifests.name(kafka), JSON.createObjectNode());
		}
		for (ObjectNode pool : manifests.ofKind("KafkaNodePool")) {
			ObjectNode entry = JSON.createObjectNode();
			entry.set("roles", pool.path("spec").path("roles"));
			entry.set("storage", pool.path("spec").path("storage").path("type"));
			entry.set("cluster", pool.path("metadata").path("labels").path("strimzi.io/cluster"));
			fixed.set("KafkaNodePool/" + Manifests.name(pool), entry);
		}
		for (ObjectNode topic : manifests.ofKind("KafkaTopic")) {
			ObjectNode entry = JSON.createObjectNode();
			entry.set("topicName", topic.path("spec").path("topicName"));
			entry.set("partitions", topic.path("spec").path("partitions"));
			entry.set("cleanup.policy", topic.path("spec").path("config").path("cleanup.policy"));
			fixed.set("KafkaTopic/" + Manifests.name(topic), entry);
		}
		return fixed;
	}

	/**
	 * The Secrets and ConfigMaps the objects read and the chart does not make: what must
	 * exist before they install.
	 */
	private static Set<String> references(Manifests manifests) {
		Set<String> names = new TreeSet<>();
		for (ObjectNode object : manifests.objects()) {
			collect(object, names);
		}
		for (String kind : List.of("Secret", "ConfigMap")) {
			manifests.ofKind(kind).forEach((made) -> names.remove(Manifests.name(made)));
		}
		return names;
	}

	private static void collect(JsonNode node, Set<String> names) {
		if (node.isObject()) {
			for (String ref : List.of("secretKeyRef", "configMapKeyRef")) {
				if (node.path(ref).isObject()) {
					names.add(node.path(ref).path("name").asString());
				}
			}
			if (node.path("secretName").isString()) {
				names.add(node.path("secretName").asString());
			}
			if (node.path("configMap").path("name").isString()) {
				names.add(node.path("configMap").path("name").asString());
			}
			node.forEach((child) -> collect(child, names));
		}
		else if (node.isArray()) {
			node.forEach((child) -> collect(child, names));
		}
	}

	private static Path resource(String name) {
		Path path = Path.of("src/test/resources/upgrade", PREVIOUS, name).toAbsolutePath();
		if (!Files.exists(path)) {
			throw new UncheckedIOException(new IOException("No " + path));
		}
		return path;
	}

}
