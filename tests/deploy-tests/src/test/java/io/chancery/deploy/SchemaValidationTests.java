package io.chancery.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every object the chart renders is valid for its kind, strictly: a field the kind does
 * not declare fails, as it would with the API server's strict field validation.
 */
class SchemaValidationTests {

	static Stream<Arguments> renderings() {
		return Stream.of(Arguments.of("defaults", Chart.defaults()), Arguments.of("production", Chart.production()),
				Arguments.of("everything on", Chart.everything()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyObjectIsValidForItsKind(String name, Manifests manifests) {
		List<String> problems = new ArrayList<>();
		for (ObjectNode object : manifests.objects()) {
			problems.addAll(Schemas.problems(object));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void strimziResourcesUseTheV1Api() {
		assertThat(StrimziSchemas.servedVersions("Kafka")).contains("v1");
		for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser")) {
			assertThat(Chart.defaults().ofKind(kind)).allSatisfy(
					(object) -> assertThat(object.path("apiVersion").asString()).isEqualTo(StrimziSchemas.API_VERSION));
		}
	}

	@Test
	void aMisspelledDeploymentFieldFails() {
		assertFails("Deployment", "ingest-service", (object) -> ((ObjectNode) object.path("spec")).put("replica", 2),
				"replica");
		assertFails("Deployment", "ingest-service",
				(object) -> ((ObjectNode) object.path("spec").path("template").path("spec").path("containers").get(0))
					.put("imagePullPolicyy", "Always"),
				"imagePullPolicyy");
	}

	@Test
	void aMisspelledStrimziFieldFails() {
		assertFails("KafkaTopic", "articles", (object) -> ((ObjectNode) object.path("spec")).put("partition", 3),
				"partition");
		assertFails("KafkaUser", "search-service",
				(object) -> ((ObjectNode) object.path("spec").path("authorization").path("acls").get(0))
					.put("operation", "Read"),
				"operation");
		assertFails("Kafka", "chancery",
				(object) -> ((ObjectNode) object.path("spec").path("kafka").path("listeners").get(0)).put("tsl", true),
				"tsl");
	}

	@Test
	void aMisspelledElasticsearchFieldFails() {
		assertFails("Elasticsearch", "chancery", (object) -> ((ObjectNode) object.path("spec")).put("node", 3), "node");
		assertFails("Elasticsearch", "chancery",
				(object) -> ((ObjectNode) object.path("spec").path("nodeSets").get(0).path("podTemplate").path("spec"))
					.put("initContainer", "x"),
				"initContainer");
	}

	@Test
	void aMisspelledGatewayApiOrPrometheusFieldFails() {
		Manifests everything = Chart.everything();
		assertFailsIn(everything, "HTTPRoute", "web-gateway",
				(object) -> ((ObjectNode) object.path("spec")).put("hostname", "x"), "hostname");
		assertFailsIn(everything, "ServiceMonitor", "search-service",
				(object) -> ((ObjectNode) object.path("spec").path("endpoints").get(0)).put("intervall", "1m"),
				"intervall");
	}

	private static void assertFails(String kind, String name, Consumer<JsonNode> change, String field) {
		assertFailsIn(Chart.production(), kind, name, change, field);
	}

	private static void assertFailsIn(Manifests manifests, String kind, String name, Consumer<JsonNode> change,
			String field) {
		ObjectNode object = manifests.get(kind, name).deepCopy();
		assertThat(Schemas.problems(object)).as("%s %s as rendered", kind, name).isEmpty();
		change.accept(object);
		assertThat(Schemas.problems(object)).as("%s %s with %s", kind, name, field)
			.anySatisfy((problem) -> assertThat(problem).contains(field));
	}

}
