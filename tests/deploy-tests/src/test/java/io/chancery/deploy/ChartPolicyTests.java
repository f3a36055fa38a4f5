package io.chancery.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.chancery.contracts.Topic;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.chancery.localrun.LocalPlatform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every rendering of the chart must hold beyond its schemas: restricted pods with
 * probes and limits, selectors that find their pods, a KafkaTopic for every topic the
 * services name, least-privilege Kafka users, and an environment that matches what each
 * service reads.
 */
class ChartPolicyTests {

	static Stream<Arguments> renderings() {
		return Stream.of(Arguments.of("defaults", Chart.defaults()), Arguments.of("production", Chart.production()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void everyServiceContainerHasProbesLimitsAndTheRestrictedProfile(String name, Manifests manifests) {
		for (String service : Manifests.SERVICES) {
			JsonNode pod = manifests.podTemplate(service).path("spec");
			JsonNode container = manifests.container(service);
			assertThat(Manifests.containers(pod)).as(service).hasSize(1);
			assertThat(container.path("startupProbe").path("httpGet").path("path").asString())
				.isEqualTo("/actuator/health/liveness");
			assertThat(container.path("livenessProbe").path("httpGet").path("path").asString())
				.isEqualTo("/actuator/health/liveness");
			assertThat(container.path("readinessProbe").path("httpGet").path("path").asString())
				.isEqualTo("/actuator/health/readiness");
			assertRestricted(service, pod, container);
			assertLimited(service, container);
			assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(service).isFalse();
			assertThat(manifests.environment(service).get("JAVA_TOOL_OPTIONS").asString())
				.contains("-XX:MaxRAMPercentage=");
			// A read-only root with a writable /tmp.
			assertThat(container.path("volumeMounts")).anySatisfy((mount) -> {
				assertThat(mount.path("mountPath").asString()).isEqualTo("/tmp");
				assertThat(volume(pod, mount.path("name").asString()).has("emptyDir")).isTrue();
			});
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void theServicesJvmsRunAsTheyWereMeasured(String name, Manifests manifests) {
		List<String> measured = LocalPlatform.serviceJvmOptions()
			.stream()
			.filter((option) -> !option.startsWith("-Xms") && !option.startsWith("-Xmx"))
			.toList();
		for (String service : Manifests.SERVICES) {
			Map<String, JsonNode> environment = manifests.environment(service);
			List<String> options = List.of(environment.get("JAVA_TOOL_OPTIONS").asString().split(" "));
			assertThat(options).as(service).containsAll(measured).contains("-XX:MaxRAMPercentage=75");
			assertThat(environment.get("MALLOC_ARENA_MAX").asString()).as(service).isEqualTo("2");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void shutdownIsGracefulAndCoveredByTheGracePeriod(String name, Manifests manifests) {
		for (String service : Manifests.SERVICES) {
			JsonNode pod = manifests.podTemplate(service).path("spec");
			int sleep = manifests.container(service)
				.path("lifecycle")
				.path("preStop")
				.path("sleep")
				.path("seconds")
				.asInt();
			int shutdownPhase = seconds(ServiceConfiguration.of(service)
				.applicationYaml()
				.path("spring")
				.path("lifecycle")
				.path("timeout-per-shutdown-phase")
				.asString("30s"));
			assertThat(sleep).as(service).isPositive();
			assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as(service)
				.isGreaterThan(sleep + shutdownPhase);
			assertThat(ServiceConfiguration.of(service).applicationYaml().path("server").path("shutdown").asString())
				.isEqualTo("graceful");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void probesAndScrapingUseThePortActuatorAnswersOn(String name, Manifests manifests) {
		for (String service : Manifests.SERVICES) {
			JsonNode container = manifests.container(service);
			Map<String, JsonNode> environment = manifests.environment(service);
			String managementPort = ServiceConfiguration.of(service)
				.applicationYaml()
				.path("management")
				.path("server")
				.path("port")
				.asString("");
			String portName = managementPort.isEmpty() ? "http" : "management";
			String variable = managementPort.isEmpty() ? "PORT" : managementPort.replaceAll("\\$\\{([A-Z_]+).*", "$1");
			JsonNode port = port(container, portName);
			assertThat(environment.get(variable).asString()).as(service + " " + variable)
				.isEqualTo(port.path("containerPort").asString());
			assertThat(environment.get("PORT").asString())
				.isEqualTo(port(container, "http").path("containerPort").asString());
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				assertThat(container.path(probe).path("httpGet").path("port").asString()).as(service + " " + probe)
					.isEqualTo(portName);
			}
			manifests.find("ServiceMonitor", service)
				.ifPresent(
						(monitor) -> assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asString())
							.isEqualTo(portName));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void selectorsAreImmutableAndFindTheirPods(String name, Manifests manifests) {
		for (ObjectNode deployment : manifests.ofKind("Deployment")) {
			JsonNode selector = deployment.path("spec").path("selector").path("matchLabels");
			assertThat(names(selector)).as(Manifests.describe(deployment))
				.containsExactlyInAnyOrder("app.kubernetes.io/name", "app.kubernetes.io/instance");
			assertThat(selects(selector, deployment.path("spec").path("template").path("metadata").path("labels")))
				.as(Manifests.describe(deployment))
				.isTrue();
		}
		for (ObjectNode service : manifests.ofKind("Service")) {
			assertThat(podsSelected(manifests, service.path("spec").path("selector"))).as(Manifests.describe(service))
				.containsExactly(Manifests.name(service));
			for (JsonNode port : service.path("spec").path("ports")) {
				port(manifests.container(Manifests.name(service)), port.path("targetPort").asString());
			}
		}
		for (ObjectNode budget : manifests.ofKind("PodDisruptionBudget")) {
			assertThat(podsSelected(manifests, budget.path("spec").path("selector").path("matchLabels")))
				.as(Manifests.describe(budget))
				.containsExactly(Manifests.name(budget));
		}
		for (ObjectNode autoscaler : manifests.ofKind("HorizontalPodAutoscaler")) {
			assertThat(manifests.find("Deployment",
					autoscaler.path("spec").path("scaleTargetRef").path("name").asString()))
				.as(Manifests.describe(autoscaler))
				.isPresent();
		}
		for (ObjectNode policy : manifests.ofKind("NetworkPolicy")) {
			JsonNode selector = policy.path("spec").path("podSelector").path("matchLabels");
			if (selector.has("app.kubernetes.io/part-of") || selector.has("app.kubernetes.io/name")) {
				assertThat(podsSelected(manifests, selector)).as(Manifests.describe(policy)).isNotEmpty();
			}
			for (JsonNode peer : policy.path("spec").path("ingress").findValues("podSelector")) {
				if (peer.path("matchLabels").has("app.kubernetes.io/instance")) {
					assertThat(podsSelected(manifests, peer.path("matchLabels"))).as(Manifests.describe(policy))
						.hasSize(1);
				}
			}
		}
		for (ObjectNode monitor : manifests.ofKind("ServiceMonitor")) {
			JsonNode selector = monitor.path("spec").path("selector").path("matchLabels");
			assertThat(manifests.ofKind("Service"))
				.filteredOn((service) -> selects(selector, service.path("metadata").path("labels")))
				.hasSize(1);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void networkPoliciesDenyByDefaultAndOpenOnlyThePlatformsFlows(String name, Manifests manifests) {
		ObjectNode deny = manifests.get("NetworkPolicy", "chancery-default-deny");
		assertThat(deny.path("spec").has("ingress")).isFalse();
		assertThat(deny.path("spec").has("egress")).isFalse();
		assertThat(podsSelected(manifests, deny.path("spec").path("podSelector").path("matchLabels")))
			.containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
		// Only the gateway takes traffic from outside; the others only from the gateway
		// (and Prometheus).
		for (String service : List.of("ingest-service", "search-service", "counter-service")) {
			JsonNode from = manifests.get("NetworkPolicy", service).path("spec").path("ingress").get(0).path("from");
			assertThat(from.get(0).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asString())
				.isEqualTo("web-gateway");
		}
		assertThat(egressPodNames(manifests.get("NetworkPolicy", "web-gateway")))
			.containsExactlyInAnyOrder("ingest-service", "search-service", "counter-service");
		// ingest-service's replicas pass each other the writes of the partitions they
		// own, and it reads search-service's editorial record for a restore; no other
		// service talks to another.
		JsonNode ingestFrom = manifests.get("NetworkPolicy", "ingest-service").path("spec").path("ingress").get(0);
		assertThat(ingestFrom.path("from")
			.get(1)
			.path("podSelector")
			.path("matchLabels")
			.path("app.kubernetes.io/name")
			.asString()).isEqualTo("ingest-service");
		JsonNode searchFrom = manifests.get("NetworkPolicy", "search-service").path("spec").path("ingress").get(0);
		assertThat(searchFrom.path("from")
			.get(1)
			.path("podSelector")
			.path("matchLabels")
			.path("app.kubernetes.io/name")
			.asString()).isEqualTo("ingest-service");
		assertThat(manifests.get("NetworkPolicy", "counter-service").path("spec").path("ingress").get(0).path("from"))
			.hasSize(1);
		assertThat(egressPodNames(manifests.get("NetworkPolicy", "ingest-service")))
			.containsExactlyInAnyOrder("ingest-service", "search-service");
		assertThat(egressPodNames(manifests.get("NetworkPolicy", "search-service"))).isEmpty();
		assertThat(egressPodNames(manifests.get("NetworkPolicy", "counter-service"))).isEmpty();
		for (String client : List.of("ingest-service", "search-service", "counter-service")) {
			assertThat(manifests.get("NetworkPolicy", client).path("spec").path("egress").toString())
				.contains("strimzi.io/broker-role");
		}
		assertThat(manifests.get("NetworkPolicy", "search-service").path("spec").path("egress").toString())
			.contains("elasticsearch.k8s.elastic.co/cluster-name");
		assertThat(manifests.get("NetworkPolicy", "web-gateway").path("spec").path("egress").toString())
			.doesNotContain("strimzi.io");
	}

	@Test
	void everyTopicTheServicesNameHasAProtectedKafkaTopic() {
		Manifests manifests = Chart.defaults();
		Set<String> named = new TreeSet<>();
		for (String service : Manifests.SERVICES) {
			JsonNode yaml = ServiceConfiguration.of(service).applicationYaml();
			for (JsonNode destination : yaml.findValues("destination")) {
				named.addAll(Arrays.asList(destination.asString().split(",")));
			}
			for (JsonNode deadLetters : yaml.findValues("dlq-name")) {
				named.add(deadLetters.asString());
			}
		}
		Arrays.stream(Topic.values()).map(Topic::wireName).forEach(named::add);
		assertThat(manifests.ofKind("KafkaTopic"))
			.extracting((topic) -> topic.path("spec").path("topicName").asString())
			.containsExactlyInAnyOrderElementsOf(named);
		for (Topic topic : Topic.values()) {
			JsonNode kafkaTopic = manifests.get("KafkaTopic", topic.wireName());
			JsonNode spec = kafkaTopic.path("spec");
			assertThat(spec.path("partitions").asInt()).as(topic.wireName()).isEqualTo(topic.partitions());
			assertThat(spec.path("replicas").asInt()).as(topic.wireName()).isEqualTo(3);
			assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(topic.wireName()).isEqualTo(2);
			topic.config()
				.forEach((key, value) -> assertThat(spec.path("config").path(key).asString())
					.as(topic.wireName() + " " + key)
					.isEqualTo(value));
			assertThat(kafkaTopic.path("metadata").path("annotations").path("helm.sh/resource-policy").asString())
				.isEqualTo("keep");
			assertThat(kafkaTopic.path("metadata").path("labels").path("strimzi.io/cluster").asString())
				.isEqualTo(Manifests.name(manifests.ofKind("Kafka").get(0)));
		}
		JsonNode brokerConfig = manifests.ofKind("Kafka").get(0).path("spec").path("kafka").path("config");
		assertThat(brokerConfig.path("auto.create.topics.enable").asBoolean(true)).isFalse();
	}

	@Test
	void consumerGroupReplicasStayWithinThePartitions() {
		int partitions = Math.min(Topic.ARTICLES.partitions(), Topic.EVENTS.partitions());
		for (Manifests manifests : List.of(Chart.defaults(), Chart.production())) {
			JsonNode autoscaler = manifests.get("HorizontalPodAutoscaler", "search-service");
			assertThat(autoscaler.path("spec").path("maxReplicas").asInt()).isLessThanOrEqualTo(partitions);
		}
	}

	@Test
	void eachServiceHasAKafkaUserWithOnlyTheAclsItNeeds() {
		Manifests manifests = Chart.defaults();
		Map<String, Set<String>> expected = new LinkedHashMap<>();
		expected.put("ingest-service",
				Set.of("topic:articles:literal:Describe,Read,Write", "topic:events:literal:Describe,Read,Write",
						"topic:site-details:literal:Describe,Read,Write",
						"topic:content-revisions:literal:Describe,Read,Write",
						"group:ingest-service-writers:literal:Describe,Read",
						"transactionalId:ingest-service-:prefix:Describe,Write"));
		expected.put("search-service",
				Set.of("topic:articles:literal:Describe,Read", "topic:events:literal:Describe,Read",
						"group:search-service:literal:Read", "topic:content-revisions:literal:Describe,Read",
						"group:search-service-revisions:literal:Read",
						"topic:search-service-dead-letters:literal:Describe,Read,Write"));
		expected.put("counter-service",
				Set.of("topic:events:literal:Describe,Read", "topic:site-details:literal:Describe,Read",
						"topic:counter-milestones:literal:Describe,Read,Write",
						"transactionalId:counter-service-milestones:literal:Describe,Write",
						"topic:counter-service-dead-letters:literal:Describe,Write"));
		assertThat(manifests.ofKind("KafkaUser")).extracting(Manifests::name)
			.containsExactlyInAnyOrderElementsOf(expected.keySet());
		for (Map.Entry<String, Set<String>> user : expected.entrySet()) {
			JsonNode spec = manifests.get("KafkaUser", user.getKey()).path("spec");
			assertThat(spec.path("authentication").path("type").asString()).isEqualTo("scram-sha-512");
			Set<String> acls = new LinkedHashSet<>();
			for (JsonNode acl : spec.path("authorization").path("acls")) {
				assertThat(acl.path("type").asString("allow")).isEqualTo("allow");
				List<String> operations = new ArrayList<>();
				acl.path("operations").forEach((operation) -> operations.add(operation.asString()));
				operations.sort(null);
				JsonNode resource = acl.path("resource");
				acls.add(resource.path("type").asString() + ":" + resource.path("name").asString() + ":"
						+ resource.path("patternType").asString() + ":" + String.join(",", operations));
			}
			assertThat(acls).as(user.getKey()).containsExactlyInAnyOrderElementsOf(user.getValue());
			// The service logs in as this user, trusting the cluster CA.
			Map<String, JsonNode> environment = manifests.environment(user.getKey());
			assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")
				.path("secretKeyRef")
				.path("name")
				.asString()).isEqualTo(user.getKey());
			assertThat(environment.get("SPRING_KAFKA_SECURITY_PROTOCOL").asString()).isEqualTo("SASL_SSL");
			assertThat(environment.get("SPRING_KAFKA_SSL_TRUST_STORE_CERTIFICATES")
				.path("secretKeyRef")
				.path("name")
				.asString()).endsWith("-cluster-ca-cert");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void secretsArePassedByReferenceOnly(String name, Manifests manifests) {
		for (String service : Manifests.SERVICES) {
			manifests.environment(service).forEach((variable, value) -> {
				if (variable.matches(".*(PASSWORD|JAAS|SHA256|SECRET|TOKEN|CERTIFICATE).*")) {
					assertThat(value.has("secretKeyRef")).as(service + " " + variable).isTrue();
				}
			});
		}
		// The only Secret the chart writes holds Elasticsearch role definitions, no
		// credential.
		assertThat(manifests.ofKind("Secret"))
			.allSatisfy((secret) -> assertThat(secret.path("stringData").propertyNames()).containsExactly("roles.yml"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("renderings")
	void elasticsearchAndKafkaPodsAreLimited(String name, Manifests manifests) {
		JsonNode elasticsearch = manifests.ofKind("Elasticsearch").get(0);
		assertThat(elasticsearch.path("spec").path("auth").path("fileRealm").get(0).path("secretName").asString())
			.isNotEqualTo("elastic");
		for (JsonNode nodeSet : elasticsearch.path("spec").path("nodeSets")) {
			JsonNode pod = nodeSet.path("podTemplate").path("spec");
			for (JsonNode container : Manifests.containers(pod)) {
				String described = "Elasticsearch container " + container.path("name").asString();
				assertRestricted(described, pod, container);
				assertLimited(described, container);
			}
			assertThat(pod.path("initContainers").toString()).contains("elasticsearch-plugin");
		}
		for (ObjectNode pool : manifests.ofKind("KafkaNodePool")) {
			assertLimited(Manifests.describe(pool), pool.path("spec"));
		}
		assertLimited("Kafka Exporter", manifests.ofKind("Kafka").get(0).path("spec").path("kafkaExporter"));
		JsonNode exporter = manifests.podTemplate("elasticsearch-exporter").path("spec");
		assertRestricted("elasticsearch-exporter", exporter, manifests.container("elasticsearch-exporter"));
		assertLimited("elasticsearch-exporter", manifests.container("elasticsearch-exporter"));
		assertThat(exporter.path("automountServiceAccountToken").asBoolean(true)).isFalse();
	}

	@Test
	void oneListOfLanguagesReachesEveryService() {
		Manifests manifests = Chart.render(null, Map.of("site.locales", "ru,en,de"));
		for (String service : List.of("ingest-service", "counter-service", "web-gateway")) {
			assertThat(manifests.environment(service).get("CHANCERY_LOCALES").asString()).as(service)
				.isEqualTo("ru,en,de");
		}
		Map<String, JsonNode> search = manifests.environment("search-service");
		assertThat(search.get("CHANCERY_READING_LOCALES").asString()).isEqualTo("ru,en,de");
		assertThat(search.get("CHANCERY_READING_DEFAULT_LOCALE").asString()).isEqualTo("ru");
	}

	@Test
	void everyVariableAServiceReadsIsSet() {
		assumeJarsBuilt();
		for (String service : Manifests.SERVICES) {
			ServiceConfiguration configuration = ServiceConfiguration.of(service);
			for (Manifests manifests : List.of(Chart.defaults(), Chart.production())) {
				assertThat(manifests.environment(service).keySet()).as(service)
					.containsAll(configuration.placeholders());
			}
			Set<String> production = Chart.production().environment(service).keySet();
			for (Set<String> group : configuration.documented()) {
				assertThat(group).as(service + " documents " + group + "; the production values set none")
					.containsAnyElementsOf(production);
			}
		}
	}

	@Test
	void noVariableIsSetThatItsServiceDoesNotRead() {
		assumeJarsBuilt();
		for (String service : Manifests.SERVICES) {
			ServiceConfiguration configuration = ServiceConfiguration.of(service);
			assertThat(configuration.declaredProperties()).as(service + " configuration metadata").isNotEmpty();
			for (Manifests manifests : List.of(Chart.defaults(), Chart.production(), Chart.everything())) {
				assertThat(manifests.environment(service).keySet()).as(service)
					.allSatisfy(
							(variable) -> assertThat(configuration.reads(variable)).as("%s reads %s", service, variable)
								.isTrue());
			}
		}
	}

	@Test
	void theReadCheckKnowsWhatAServiceDoesNotRead() {
		assumeJarsBuilt();
		assertThat(ServiceConfiguration.of("web-gateway").reads("KAFKA_BOOTSTRAP_SERVERS")).isFalse();
		assertThat(ServiceConfiguration.of("search-service").reads("CHANCERY_LOCALES")).isFalse();
		assertThat(ServiceConfiguration.of("ingest-service").reads("SPRING_KAFKA_SECURITY_PROTOKOL")).isFalse();
		assertThat(ServiceConfiguration.of("ingest-service").reads("SPRING_KAFKA_SECURITY_PROTOCOL")).isTrue();
		assertThat(ServiceConfiguration.of("ingest-service").reads("CHANCERY_SECURITY_API_KEYS_3_SHA256")).isTrue();
	}

	private static void assumeJarsBuilt() {
		for (String service : Manifests.SERVICES) {
			Assumptions.assumeTrue(ServiceConfiguration.jarBuilt(service),
					service + " has no jar yet: run ./mvnw verify (package builds it)");
		}
	}

	private static void assertRestricted(String described, JsonNode pod, JsonNode container) {
		JsonNode podContext = pod.path("securityContext");
		JsonNode context = container.path("securityContext");
		assertThat(context.path("allowPrivilegeEscalation").asBoolean(true)).as(described).isFalse();
		assertThat(context.path("readOnlyRootFilesystem").asBoolean(false)).as(described).isTrue();
		assertThat(context.path("runAsNonRoot").asBoolean(false) || podContext.path("runAsNonRoot").asBoolean(false))
			.as(described)
			.isTrue();
		assertThat(context.path("privileged").asBoolean(false)).as(described).isFalse();
		assertThat(context.path("capabilities").path("drop").toString()).as(described).contains("\"ALL\"");
		assertThat(context.path("capabilities").has("add")).as(described).isFalse();
		String seccomp = context.path("seccompProfile")
			.path("type")
			.asString(podContext.path("seccompProfile").path("type").asString(""));
		assertThat(seccomp).as(described).isEqualTo("RuntimeDefault");
	}

	private static void assertLimited(String described, JsonNode container) {
		JsonNode resources = container.path("resources");
		for (String kind : List.of("requests", "limits")) {
			assertThat(resources.path(kind).has("cpu")).as(described + " " + kind + ".cpu").isTrue();
			assertThat(resources.path(kind).has("memory")).as(described + " " + kind + ".memory").isTrue();
		}
	}

	private static JsonNode volume(JsonNode pod, String name) {
		for (JsonNode volume : pod.path("volumes")) {
			if (volume.path("name").asString().equals(name)) {
				return volume;
			}
		}
		throw new AssertionError("No volume " + name);
	}

	private static JsonNode port(JsonNode container, String name) {
		for (JsonNode port : container.path("ports")) {
			if (port.path("name").asString().equals(name)) {
				return port;
			}
		}
		throw new AssertionError(container.path("name").asString() + " has no port named " + name);
	}

	private static List<String> podsSelected(Manifests manifests, JsonNode selector) {
		return manifests.ofKind("Deployment")
			.stream()
			.filter((deployment) -> selects(selector,
					deployment.path("spec").path("template").path("metadata").path("labels")))
			.map(Manifests::name)
			.toList();
	}

	private static List<String> egressPodNames(JsonNode policy) {
		List<String> names = new ArrayList<>();
		for (JsonNode rule : policy.path("spec").path("egress")) {
			for (JsonNode peer : rule.path("to")) {
				String name = peer.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asString("");
				if (!name.isEmpty()) {
					names.add(name);
				}
			}
		}
		return names;
	}

	private static boolean selects(JsonNode selector, JsonNode labels) {
		if (selector.isEmpty()) {
			return false;
		}
		for (String key : names(selector)) {
			if (!selector.path(key).asString().equals(labels.path(key).asString(null))) {
				return false;
			}
		}
		return true;
	}

	private static Set<String> names(JsonNode object) {
		return new LinkedHashSet<>(object.propertyNames());
	}

	private static int seconds(String duration) {
		return Integer.parseInt(duration.replaceAll("[^0-9]", "")) * (duration.endsWith("m") ? 60 : 1);
	}

}
