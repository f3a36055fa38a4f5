package io.chancery.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator following docs/operations.md can install the production example on the
 * first try: every Secret and ConfigMap it refers to is made by the chart, by an operator
 * (Strimzi, ECK, cert-manager), or by a command the install section gives, with every key
 * the services read; and the images it names are the ones the build pushes.
 */
class ProductionPrerequisitesTests {

	private static final Pattern CREATE = Pattern
		.compile("kubectl .*create (?:secret (?:generic|docker-registry|tls)|configmap) ([a-z0-9-]+)");

	private static final Pattern KEY = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9._-]+)=");

	@Test
	void everySecretAndConfigMapTheProductionExampleNamesIsMadeByTheChartAnOperatorOrTheDocs() throws IOException {
		Manifests production = Chart.production();
		Set<String> made = madeWithoutTheOperator(production);
		Set<String> documented = documented();

		Set<String> missing = new TreeSet<>();
		for (String reference : references(production)) {
			String name = reference.contains("/") ? reference.substring(0, reference.indexOf('/')) : reference;
			if (!made.contains(name) && !documented.contains(reference)) {
				missing.add(reference);
			}
		}
		assertThat(missing).as("referred to by the production example, made by nobody (docs/operations.md, Install)")
			.isEmpty();
		assertThat(documented).contains("chancery-api-keys/newsroom-importer.sha256",
				"chancery-api-keys/operations.sha256", "registry-credentials", "chancery-search-user/password");
	}

	@Test
	void theProductionExampleDeploysTheImagesTheBuildPushes() {
		String version = System.getProperty("chancery.version");
		assertThat(version).as("the build's version, given by the POM").isNotBlank();
		assertThat(Chart.chartYaml().path("appVersion").asString()).as("Chart.yaml appVersion").isEqualTo(version);
		for (String service : Manifests.SERVICES) {
			assertThat(Chart.production().container(service).path("image").asString()).as(service)
				.isEqualTo("registry.example.org/chancery/" + service + ":" + version);
		}
	}

	/**
	 * What exists without the operator's help: the chart's own Secrets and ConfigMaps,
	 * Strimzi's per-user Secrets and cluster CA, ECK's HTTP certificates, and a TLS
	 * Secret cert-manager writes for an ingress that asks it to.
	 */
	private static Set<String> madeWithoutTheOperator(Manifests manifests) {
		Set<String> made = new LinkedHashSet<>();
		for (String kind : List.of("Secret", "ConfigMap", "KafkaUser")) {
			manifests.ofKind(kind).forEach((object) -> made.add(Manifests.name(object)));
		}
		manifests.ofKind("Kafka").forEach((kafka) -> made.add(Manifests.name(kafka) + "-cluster-ca-cert"));
		manifests.ofKind("Elasticsearch")
			.forEach((elasticsearch) -> made.add(Manifests.name(elasticsearch) + "-es-http-certs-public"));
		for (ObjectNode ingress : manifests.ofKind("Ingress")) {
			JsonNode annotations = ingress.path("metadata").path("annotations");
			if (annotations.has("cert-manager.io/cluster-issuer") || annotations.has("cert-manager.io/issuer")) {
				ingress.path("spec").path("tls").forEach((tls) -> made.add(tls.path("secretName").asString()));
			}
		}
		return made;
	}

	/**
	 * {@code name} or {@code name/key} of every Secret and ConfigMap the objects read.
	 */
	private static Set<String> references(Manifests manifests) {
		Set<String> references = new TreeSet<>();
		for (ObjectNode object : manifests.objects()) {
			collect(object, references);
		}
		return references;
	}

	private static void collect(JsonNode node, Set<String> references) {
		if (node.isObject()) {
			for (String ref : List.of("secretKeyRef", "configMapKeyRef")) {
				JsonNode key = node.path(ref);
				if (key.isObject()) {
					references.add(key.path("name").asString() + "/" + key.path("key").asString());
				}
			}
			if (node.path("secretName").isString()) {
				references.add(node.path("secretName").asString());
			}
			if (node.path("configMap").path("name").isString()) {
				references.add(node.path("configMap").path("name").asString());
			}
			node.path("imagePullSecrets").forEach((pull) -> references.add(pull.path("name").asString()));
			node.forEach((child) -> collect(child, references));
		}
		else if (node.isArray()) {
			node.forEach((child) -> collect(child, references));
		}
	}

	/**
	 * The Secrets and ConfigMaps the install section's commands make, as {@code name} and
	 * {@code name/key}.
	 */
	private static Set<String> documented() throws IOException {
		List<String> commands = new ArrayList<>();
		StringBuilder command = new StringBuilder();
		for (String line : Files.readAllLines(Chart.project().resolve("docs/operations.md"))) {
			String text = line.strip();
			command.append(text.endsWith("\\") ? text.substring(0, text.length() - 1) : text).append(' ');
			if (!text.endsWith("\\")) {
				commands.add(command.toString());
				command.setLength(0);
			}
		}
		Set<String> documented = new TreeSet<>();
		for (String each : commands) {
			Matcher create = CREATE.matcher(each);
			if (create.find()) {
				String name = create.group(1);
				documented.add(name);
				Matcher key = KEY.matcher(each);
				while (key.find()) {
					documented.add(name + "/" + key.group(1));
				}
			}
		}
		return documented;
	}

}
