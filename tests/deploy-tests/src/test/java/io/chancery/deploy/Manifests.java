package io.chancery.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The objects one rendering of the chart produced, in the order Helm printed them. */
record Manifests(List<ObjectNode> objects) {

	/** The four services, by the name of their Deployment. */
	static final List<String> SERVICES = List.of("web-gateway", "ingest-service", "search-service", "counter-service");

	List<ObjectNode> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.path("kind").asString())).toList();
	}

	Optional<ObjectNode> find(String kind, String name) {
		return ofKind(kind).stream().filter((object) -> name.equals(name(object))).findFirst();
	}

	ObjectNode get(String kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError("No " + kind + " named " + name));
	}

	/** The pod template of a Deployment. */
	ObjectNode podTemplate(String deployment) {
		return (ObjectNode) get("Deployment", deployment).path("spec").path("template");
	}

	/** The one container of a service's pods. */
	ObjectNode container(String deployment) {
		return (ObjectNode) podTemplate(deployment).path("spec").path("containers").get(0);
	}

	/**
	 * The environment the Deployment gives its container, by name; a value from a Secret
	 * appears as its {@code valueFrom} object.
	 */
	Map<String, JsonNode> environment(String deployment) {
		Map<String, JsonNode> environment = new LinkedHashMap<>();
		for (JsonNode variable : container(deployment).path("env")) {
			JsonNode previous = environment.put(variable.path("name").asString(),
					variable.has("value") ? variable.path("value") : variable.path("valueFrom"));
			if (previous != null) {
				throw new AssertionError(deployment + " sets " + variable.path("name").asString() + " twice");
			}
		}
		return environment;
	}

	/** Every container of a pod spec, init containers included. */
	static List<JsonNode> containers(JsonNode podSpec) {
		List<JsonNode> containers = new ArrayList<>();
		podSpec.path("initContainers").forEach(containers::add);
		podSpec.path("containers").forEach(containers::add);
		return containers;
	}

	static String name(JsonNode object) {
		return object.path("metadata").path("name").asString();
	}

	static String describe(JsonNode object) {
		return object.path("kind").asString() + " " + name(object);
	}

}
