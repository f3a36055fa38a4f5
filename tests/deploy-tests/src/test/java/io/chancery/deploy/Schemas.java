package io.chancery.deploy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * Every rendered object against the schema of its kind: Kubernetes' own types, Strimzi's
 * CRDs, ECK's Elasticsearch, and the Gateway API and Prometheus Operator kinds. A kind
 * with no schema here is a problem too.
 */
final class Schemas {

	private static final Schema ELASTICSEARCH = load("/eck/elasticsearch-v1.schema.json");

	private Schemas() {
	}

	static List<String> problems(JsonNode object) {
		List<String> problems = new ArrayList<>();
		problems.addAll(KubernetesTypes.objectMeta(object.path("metadata")));
		Class<?> builtIn = KubernetesTypes.typeOf(object);
		Class<?> model = ModelFields.typeOf(object);
		String apiVersion = object.path("apiVersion").asString();
		if (builtIn != null) {
			problems.addAll(KubernetesTypes.problems(object, builtIn));
		}
		else if (model != null) {
			problems.addAll(ModelFields.problems(object, model));
		}
		else if (apiVersion.equals(StrimziSchemas.API_VERSION)) {
			problems.addAll(StrimziSchemas.problems(object));
		}
		else if (apiVersion.equals("elasticsearch.k8s.elastic.co/v1")
				&& object.path("kind").asString().equals("Elasticsearch")) {
			problems.addAll(elasticsearch(object));
		}
		else {
			problems.add("no schema for " + apiVersion + " " + object.path("kind").asString());
		}
		return problems.stream().map((problem) -> Manifests.describe(object) + ": " + problem).toList();
	}

	private static List<String> elasticsearch(JsonNode object) {
		List<String> problems = new ArrayList<>();
		ELASTICSEARCH.validate(object).forEach((error) -> problems.add(error.toString()));
		for (JsonNode nodeSet : object.path("spec").path("nodeSets")) {
			if (nodeSet.has("podTemplate")) {
				problems.addAll(KubernetesTypes.podTemplate(nodeSet.path("podTemplate")));
			}
			for (JsonNode claim : nodeSet.path("volumeClaimTemplates")) {
				problems.addAll(KubernetesTypes.persistentVolumeClaim(claim));
			}
		}
		return problems;
	}

	private static Schema load(String resource) {
		InputStream in = Schemas.class.getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException(resource + " is missing");
		}
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
	}

}
