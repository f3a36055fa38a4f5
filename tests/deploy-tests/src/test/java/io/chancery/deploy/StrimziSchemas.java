package io.chancery.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strimzi's CRDs, generated from the API classes of the Strimzi release the build
 * resolves by the same generator Strimzi builds its installation files with, and turned
 * into strict JSON Schemas: an object whose schema lists its properties accepts no other
 * (the API server prunes or, with strict field validation, refuses them), unless the CRD
 * says to preserve unknown fields.
 */
final class StrimziSchemas {

	static final String API_VERSION = "kafka.strimzi.io/v1";

	private static final Map<String, Class<?>> KINDS = Map.of("Kafka", Kafka.class, "KafkaNodePool",
			KafkaNodePool.class, "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);

	private static @Nullable Map<String, Schema> schemas;

	private StrimziSchemas() {
	}

	static synchronized Map<String, Schema> schemas() {
		if (schemas == null) {
			schemas = generate();
		}
		return schemas;
	}

	/** The served versions of a kind's CRD, as the generator wrote them. */
	static List<String> servedVersions(String kind) {
		List<String> versions = new ArrayList<>();
		for (JsonNode version : crd(kind).path("spec").path("versions")) {
			if (version.path("served").asBoolean()) {
				versions.add(version.path("name").asString());
			}
		}
		return versions;
	}

	private static Map<String, Schema> generate() {
		Map<String, Schema> generated = new LinkedHashMap<>();
		for (String kind : KINDS.keySet()) {
			JsonNode version = null;
			for (JsonNode candidate : crd(kind).path("spec").path("versions")) {
				if (API_VERSION.endsWith("/" + candidate.path("name").asString())) {
					version = candidate;
				}
			}
			if (version == null) {
				throw new IllegalStateException("Strimzi's " + kind + " CRD does not serve " + API_VERSION);
			}
			ObjectNode schema = ((ObjectNode) version.path("schema").path("openAPIV3Schema")).deepCopy();
			strict(schema);
			// Kubernetes validates metadata itself; the CRD only says it is an object.
			((ObjectNode) schema.path("properties")).set("metadata", schema.objectNode().put("type", "object"));
			generated.put(kind, SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema));
		}
		return generated;
	}

	private static final Map<String, JsonNode> crds = new LinkedHashMap<>();

	private static synchronized JsonNode crd(String kind) {
		if (crds.isEmpty()) {
			crds.putAll(generateCrds());
		}
		return crds.get(kind);
	}

	/**
	 * Runs Strimzi's generator in a JVM of its own (it ends the JVM it runs in) with this
	 * test's class path, which holds the Strimzi API classes.
	 */
	private static Map<String, JsonNode> generateCrds() {
		try {
			Path directory = Files.createDirectories(Path.of("target", "strimzi-crds"));
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
							System.getProperty("java.class.path"), "io.strimzi.crdgenerator.CrdGenerator", "--yaml"));
			for (Map.Entry<String, Class<?>> kind : KINDS.entrySet()) {
				command.add(kind.getValue().getName() + "=" + directory.resolve(kind.getKey() + ".yaml"));
			}
			Process generator = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(directory.resolve("generator.log").toFile())
				.start();
			if (!generator.waitFor(2, TimeUnit.MINUTES) || generator.exitValue() != 0) {
				generator.destroyForcibly();
				throw new IllegalStateException(
						"Strimzi's CRD generator failed: " + Files.readString(directory.resolve("generator.log")));
			}
			Map<String, JsonNode> generated = new LinkedHashMap<>();
			for (String kind : KINDS.keySet()) {
				generated.put(kind, Chart.YAML.readTree(directory.resolve(kind + ".yaml").toFile()));
			}
			return generated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Closes every object schema that lists its properties and does not preserve unknown
	 * fields.
	 */
	static void strict(JsonNode node) {
		if (node instanceof ObjectNode object) {
			boolean preserves = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
			if (object.has("properties") && !object.has("additionalProperties") && !preserves) {
				object.put("additionalProperties", false);
			}
			for (JsonNode child : object) {
				strict(child);
			}
		}
		else if (node.isArray()) {
			for (JsonNode child : node) {
				strict(child);
			}
		}
	}

	static List<String> problems(JsonNode object) {
		Schema schema = schemas().get(object.path("kind").asString());
		if (schema == null) {
			return List.of("Strimzi defines no kind " + object.path("kind").asString());
		}
		return schema.validate(object).stream().map(Object::toString).toList();
	}

}
