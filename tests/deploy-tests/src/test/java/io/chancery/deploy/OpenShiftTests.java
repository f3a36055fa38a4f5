package io.chancery.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On OpenShift the restricted SCCs assign each pod a user id from the namespace's range
 * and refuse a fixed one: there the chart leaves the ids out and keeps the rest of the
 * restricted profile; elsewhere it fixes them.
 */
class OpenShiftTests {

	@Test
	void elsewhereThePodsRunAsTheirImagesUser() {
		for (JsonNode context : podSecurityContexts(Chart.defaults())) {
			assertThat(context.path("runAsUser").isNumber()).as(context.toString()).isTrue();
			assertThat(context.path("fsGroup").isNumber()).as(context.toString()).isTrue();
		}
	}

	@Test
	void onOpenShiftThePlatformAssignsTheIds() {
		Manifests detected = Chart.renderLayered(
				List.of(Chart.assumedApis(List.of("security.openshift.io/v1/SecurityContextConstraints"))), Map.of());
		Manifests forced = Chart.render(null, Map.of("openshift.adaptSecurityContext", "force"));
		for (Manifests manifests : List.of(detected, forced)) {
			List<JsonNode> contexts = podSecurityContexts(manifests);
			assertThat(contexts).hasSize(Manifests.SERVICES.size() + 2);
			for (JsonNode context : contexts) {
				assertThat(context.has("runAsUser") || context.has("runAsGroup") || context.has("fsGroup"))
					.as(context.toString())
					.isFalse();
				assertThat(context.path("runAsNonRoot").asBoolean()).isTrue();
				assertThat(context.path("seccompProfile").path("type").asString()).isEqualTo("RuntimeDefault");
			}
		}
		assertThat(podSecurityContexts(Chart.renderLayered(
				List.of(Chart.assumedApis(List.of("security.openshift.io/v1/SecurityContextConstraints"))),
				Map.of("openshift.adaptSecurityContext", "disabled"))))
			.allSatisfy((context) -> assertThat(context.has("runAsUser")).isTrue());
	}

	/**
	 * The pod-level security contexts of every Deployment (the services, the
	 * Elasticsearch exporter) and of the Elasticsearch nodes.
	 */
	private static List<JsonNode> podSecurityContexts(Manifests manifests) {
		List<JsonNode> contexts = new ArrayList<>();
		for (JsonNode deployment : manifests.ofKind("Deployment")) {
			contexts.add(deployment.path("spec").path("template").path("spec").path("securityContext"));
		}
		for (JsonNode elasticsearch : manifests.ofKind("Elasticsearch")) {
			for (JsonNode nodeSet : elasticsearch.path("spec").path("nodeSets")) {
				contexts.add(nodeSet.path("podTemplate").path("spec").path("securityContext"));
			}
		}
		return contexts;
	}

}
