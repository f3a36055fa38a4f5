package io.chancery.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus sees the two engines that hold the data, not only the services: Strimzi's
 * metrics reporter and Kafka Exporter for Kafka, elasticsearch_exporter for
 * Elasticsearch, each scraped, allowed through the NetworkPolicies, alerted on, and shown
 * on the dashboard beside the services.
 */
class EngineMetricsTests {

	private static final Pattern METRIC = Pattern.compile("\\b((?:kafka|elasticsearch)_[a-z_]+)\\{");

	@Test
	void kafkaServesMetricsAndKafkaExporterFollowsTheGroupAndTopics() {
		Manifests manifests = Chart.everything();
		JsonNode kafka = manifests.ofKind("Kafka").get(0).path("spec");
		assertThat(kafka.path("kafka").path("metricsConfig").path("type").asString())
			.isEqualTo("strimziMetricsReporter");
		JsonNode exporter = kafka.path("kafkaExporter");
		assertThat("search-service").matches(exporter.path("groupRegex").asString());
		assertThat("ingest-service-writers").doesNotMatch(exporter.path("groupRegex").asString());
		assertThat(manifests.ofKind("KafkaTopic")).extracting(Manifests::name)
			.allSatisfy((topic) -> assertThat(topic).matches(exporter.path("topicRegex").asString()));
	}

	@Test
	void aPodMonitorScrapesEveryKafkaPodStrimziRuns() {
		Manifests manifests = Chart.everything();
		JsonNode monitor = manifests.get("PodMonitor", "kafka").path("spec");
		String cluster = Manifests.name(manifests.ofKind("Kafka").get(0));
		// The labels Strimzi puts on the nodes' pods and on Kafka Exporter's.
		assertThat(monitor.path("selector").path("matchLabels").propertyNames())
			.containsExactlyInAnyOrder("strimzi.io/cluster", "strimzi.io/kind");
		assertThat(monitor.path("selector").path("matchLabels").path("strimzi.io/cluster").asString())
			.isEqualTo(cluster);
		assertThat(monitor.path("selector").path("matchLabels").path("strimzi.io/kind").asString()).isEqualTo("Kafka");
		assertThat(monitor.path("podMetricsEndpoints").get(0).path("port").asString()).isEqualTo("tcp-prometheus");
	}

	@Test
	void elasticsearchExporterLogsInWithStatisticsOnlyAndReachesOnlyElasticsearch() {
		Manifests manifests = Chart.everything();
		JsonNode elasticsearch = manifests.ofKind("Elasticsearch").get(0);
		String user = manifests.environment("elasticsearch-exporter")
			.get("ES_PASSWORD")
			.path("secretKeyRef")
			.path("name")
			.asString();
		assertThat(elasticsearch.path("spec").path("auth").path("fileRealm").findValuesAsString("secretName"))
			.contains(user);
		String roles = manifests.ofKind("Secret")
			.stream()
			.filter((secret) -> secret.path("stringData").has("roles.yml"))
			.findFirst()
			.orElseThrow()
			.path("stringData")
			.path("roles.yml")
			.asString();
		String metricsRole = roles.substring(roles.indexOf("chancery_metrics:"));
		assertThat(metricsRole).contains("monitor").doesNotContain("read", "write", "manage");
		assertThat(manifests.container("elasticsearch-exporter").path("args").toString())
			.contains("--es.uri=https://" + Manifests.name(elasticsearch) + "-es-http:9200", "--es.ca=");

		JsonNode exporterPolicy = manifests.get("NetworkPolicy", "elasticsearch-exporter").path("spec");
		assertThat(exporterPolicy.path("egress").toString()).contains("elasticsearch.k8s.elastic.co/cluster-name")
			.doesNotContain("strimzi.io", "app.kubernetes.io/name");
		assertThat(exporterPolicy.path("ingress").get(0).path("ports").get(0).path("port").asString())
			.isEqualTo("metrics");
		JsonNode elasticsearchPolicy = manifests.get("NetworkPolicy", "chancery-elasticsearch").path("spec");
		assertThat(elasticsearchPolicy.path("ingress").get(0).path("from").toString())
			.contains("\"elasticsearch-exporter\"");
		assertThat(manifests.get("ServiceMonitor", "elasticsearch-exporter")
			.path("spec")
			.path("endpoints")
			.get(0)
			.path("port")
			.asString()).isEqualTo("metrics");
	}

	@Test
	void everyEngineMetricAnAlertReadsIsOnTheDashboardAndEachEngineHasAnAbsenceAlert() {
		List<String> alerted = new ArrayList<>();
		List<String> absent = new ArrayList<>();
		JsonNode rule = Chart.everything().get("PrometheusRule", "chancery");
		for (JsonNode group : rule.path("spec").path("groups")) {
			for (JsonNode each : group.path("rules")) {
				String expr = each.path("expr").asString();
				(expr.startsWith("absent(") ? absent : alerted).addAll(metrics(expr));
			}
		}
		assertThat(alerted).anyMatch((metric) -> metric.startsWith("kafka_"))
			.anyMatch((metric) -> metric.startsWith("elasticsearch_"));
		assertThat(absent).anyMatch((metric) -> metric.startsWith("kafka_"))
			.anyMatch((metric) -> metric.startsWith("elasticsearch_"));
		String dashboard = dashboard().toString();
		assertThat(alerted).allSatisfy((metric) -> assertThat(dashboard).contains(metric));
	}

	@Test
	void theDashboardShowsServicesAndEnginesForOneNamespace() {
		JsonNode dashboard = dashboard();
		List<String> rows = new ArrayList<>();
		List<String> expressions = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			if (panel.path("type").asString().equals("row")) {
				rows.add(panel.path("title").asString());
				continue;
			}
			assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("${datasource}");
			panel.path("targets").forEach((target) -> expressions.add(target.path("expr").asString()));
		}
		assertThat(rows).contains("Kafka", "Elasticsearch");
		assertThat(expressions).allSatisfy((expr) -> assertThat(expr).contains("namespace=\"$namespace\""));
		assertThat(expressions).anyMatch((expr) -> expr.contains("http_server_requests_seconds_bucket"))
			.anyMatch((expr) -> expr.contains("kafka_consumergroup_lag"))
			.anyMatch((expr) -> expr.contains("elasticsearch_cluster_health_status"));
		assertThat(dashboard.path("templating").path("list").findValuesAsString("name")).contains("datasource",
				"namespace");
	}

	@Test
	void switchedOffTheEnginesMetricsLeaveNothingBehind() {
		Manifests manifests = Chart.renderLayered(
				List.of(Chart.productionValues(),
						Chart.assumedApis(List.of("monitoring.coreos.com/v1/ServiceMonitor",
								"monitoring.coreos.com/v1/PrometheusRule"))),
				Map.of("kafka.metrics.enabled", false, "elasticsearch.metrics.enabled", false, "httpRoute.enabled",
						false));
		JsonNode kafka = manifests.ofKind("Kafka").get(0).path("spec");
		assertThat(kafka.has("kafkaExporter")).isFalse();
		assertThat(kafka.path("kafka").has("metricsConfig")).isFalse();
		assertThat(manifests.ofKind("PodMonitor")).isEmpty();
		assertThat(manifests.find("Deployment", "elasticsearch-exporter")).isEmpty();
		assertThat(manifests.find("NetworkPolicy", "elasticsearch-exporter")).isEmpty();
		assertThat(manifests.get("PrometheusRule", "chancery").path("spec").path("groups").findValuesAsString("name"))
			.containsExactly("chancery");
	}

	private static List<String> metrics(String expr) {
		List<String> metrics = new ArrayList<>();
		Matcher matcher = METRIC.matcher(expr);
		while (matcher.find()) {
			metrics.add(matcher.group(1));
		}
		return metrics;
	}

	private static JsonNode dashboard() {
		ObjectNode configMap = Chart.everything().get("ConfigMap", "chancery-dashboard");
		ObjectMapper json = JsonMapper.builder().build();
		return json.readTree(configMap.path("data").path("chancery.json").asString());
	}

}
