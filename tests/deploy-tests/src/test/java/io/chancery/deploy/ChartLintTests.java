package io.chancery.deploy;

import java.nio.file.Path;
import java.util.List;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code helm lint --strict} and {@code helm template} for the chart's own values and the
 * production example.
 */
class ChartLintTests {

	@Test
	void lintsStrictlyWithItsOwnValues() {
		LintResult result = Chart.lint();
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
		assertThat(result.getMessages()).noneMatch((message) -> message.contains("[WARNING]"));
	}

	@Test
	void lintsStrictlyWithTheProductionValues(@TempDir Path work) {
		LintResult result = Chart.lint(Chart.productionValues(), work, Chart.PRODUCTION_APIS);
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
		assertThat(result.getMessages()).noneMatch((message) -> message.contains("[WARNING]"));
	}

	@Test
	void rendersEveryServiceWithItsOwnValues() {
		assertRendersEveryService(Chart.defaults());
	}

	@Test
	void rendersEveryServiceWithTheProductionValues() {
		assertRendersEveryService(Chart.production());
		assertThat(Chart.production().ofKind("HTTPRoute")).hasSize(1);
		// One per service and one for the Elasticsearch exporter; Kafka's pods have a
		// PodMonitor.
		assertThat(Chart.production().ofKind("ServiceMonitor")).hasSize(5);
		assertThat(Chart.production().ofKind("PodMonitor")).hasSize(1);
		assertThat(Chart.production().ofKind("PrometheusRule")).hasSize(1);
	}

	@Test
	void aFeatureWhoseApiTheClusterLacksStopsTheInstallSayingWhatToInstall() {
		assertThatThrownBy(() -> Chart.render(Chart.productionValues(), java.util.Map.of()))
			.hasMessageContaining("serviceMonitor.enabled is on, but the cluster serves no "
					+ "monitoring.coreos.com/v1/ServiceMonitor")
			.hasMessageContaining("Prometheus Operator");
		assertThatThrownBy(() -> Chart.render(null, java.util.Map.of("httpRoute.enabled", true))).hasMessageContaining(
				"httpRoute.enabled is on, but the cluster serves no gateway.networking.k8s.io/v1/HTTPRoute");
		assertThat(Chart
			.renderLayered(List.of(Chart.assumedApis(List.of("gateway.networking.k8s.io/v1/HTTPRoute"))),
					java.util.Map.of("httpRoute.enabled", true))
			.ofKind("HTTPRoute")).hasSize(1);
	}

	@Test
	void monitoringObjectsAreOffByDefault() {
		for (String kind : List.of("ServiceMonitor", "PrometheusRule", "HTTPRoute")) {
			assertThat(Chart.defaults().ofKind(kind)).as(kind).isEmpty();
		}
		assertThat(Chart.defaults().find("ConfigMap", "chancery-dashboard")).isEmpty();
	}

	@Test
	void refusesAValueTheSchemaDoesNotKnow() {
		assertThatThrownBy(() -> Chart.render(null, java.util.Map.of("services.search-service.replicaCount", 3)))
			.hasMessageContaining("replicaCount");
	}

	@Test
	void refusesAGracePeriodShorterThanTheShutdown() {
		assertThatThrownBy(() -> Chart.render(null, java.util.Map.of("shutdown.terminationGracePeriodSeconds", 30)))
			.hasMessageContaining("terminationGracePeriodSeconds");
	}

	private static void assertRendersEveryService(Manifests manifests) {
		for (String service : Manifests.SERVICES) {
			for (String kind : List.of("Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy",
					"ServiceAccount")) {
				assertThat(manifests.find(kind, service)).as(kind + " " + service).isPresent();
			}
		}
		assertThat(manifests.ofKind("Ingress")).extracting(Manifests::name)
			.containsExactly("web-gateway", "web-gateway-streaming");
		assertThat(manifests.ofKind("Kafka")).hasSize(1);
		assertThat(manifests.ofKind("KafkaNodePool")).extracting(Manifests::name)
			.containsExactlyInAnyOrder("controller", "broker");
		assertThat(manifests.ofKind("Elasticsearch")).hasSize(1);
	}

}
