package io.chancery.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public entry fits what the gateway serves: streams and imports get their own
 * timeouts and sizes, other writes a body limit above the gateway's own (so its problem
 * answer is the one a client reads), and the gateway's NetworkPolicy admits whichever
 * entry is on and nothing else.
 */
class PublicEntryTests {

	/**
	 * The routes the gateway waits on without a timeout: the page streams, search export,
	 * the import (a large body; its progress, {@code /api/v1/imports/{id}}, is a short
	 * read a prefix of {@code /api/v1/import} does not match) and the backup.
	 */
	private static final List<String> STREAMING = List.of("/api/v1/stream", "/api/v1/counters/stream",
			"/api/v1/search/export", "/api/v1/import", "/api/v1/admin/export");

	@Test
	void streamsAndImportsHaveAnIngressOfTheirOwn() {
		Manifests manifests = Chart.defaults();
		JsonNode main = manifests.get("Ingress", "web-gateway");
		assertThat(main.path("metadata")
			.path("annotations")
			.path("nginx.ingress.kubernetes.io/proxy-body-size")
			.asString()).isEqualTo("4m");

		JsonNode streaming = manifests.get("Ingress", "web-gateway-streaming");
		JsonNode annotations = streaming.path("metadata").path("annotations");
		assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asString()).isEqualTo("off");
		assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-request-buffering").asString()).isEqualTo("off");
		assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asInt()).isGreaterThan(600);
		assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-body-size").asString()).isEqualTo("600m");
		assertThat(paths(streaming)).containsExactlyElementsOf(STREAMING);
		assertThat(streaming.path("spec").path("tls").get(0).path("secretName").asString())
			.isEqualTo(main.path("spec").path("tls").get(0).path("secretName").asString());
	}

	@Test
	void theProductionCertificateIsAskedForOnce() {
		Manifests production = Chart.production();
		assertThat(production.get("Ingress", "web-gateway").path("metadata").path("annotations").toString())
			.contains("cert-manager.io/cluster-issuer");
		assertThat(production.get("Ingress", "web-gateway-streaming").path("metadata").path("annotations").toString())
			.doesNotContain("cert-manager.io");
	}

	@Test
	void theRouteLetsStreamsAndImportsRunAsLongAsTheyNeed() {
		JsonNode rules = Chart.production().get("HTTPRoute", "web-gateway").path("spec").path("rules");
		JsonNode streaming = rules.get(0);
		List<String> prefixes = new ArrayList<>();
		streaming.path("matches").forEach((match) -> prefixes.add(match.path("path").path("value").asString()));
		assertThat(prefixes).containsExactlyElementsOf(STREAMING);
		assertThat(streaming.path("timeouts").path("request").asString()).isEqualTo("0s");
		assertThat(rules.get(1).path("matches").get(0).path("path").path("value").asString()).isEqualTo("/");
	}

	@Test
	void theGatewayAdmitsWhicheverEntryIsOn() {
		assertThat(callers(Chart.defaults())).as("Ingress only")
			.containsExactly("{\"kubernetes.io/metadata.name\":\"ingress-nginx\"}");
		assertThat(callers(Chart.production())).as("Ingress and the Gateway's namespace")
			.containsExactly("{\"kubernetes.io/metadata.name\":\"ingress-nginx\"}",
					"{\"kubernetes.io/metadata.name\":\"gateway-system\"}");
		assertThat(callers(Chart.renderLayered(
				List.of(Chart.assumedApis(List.of("gateway.networking.k8s.io/v1/HTTPRoute"))),
				Map.of("ingress.enabled", false, "httpRoute.enabled", true,
						"networkPolicy.gatewayApi.namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name",
						"envoy-gateway-system"))))
			.as("the Gateway API alone, where its proxies run")
			.containsExactly("{\"kubernetes.io/metadata.name\":\"envoy-gateway-system\"}");
		JsonNode none = Chart.render(null, Map.of("ingress.enabled", false))
			.get("NetworkPolicy", "web-gateway")
			.path("spec")
			.path("ingress");
		assertThat(none.toString()).as("no entry, no public traffic").doesNotContain("\"port\":\"http\"");
	}

	/** The namespaces allowed to call the gateway's public port. */
	private static List<String> callers(Manifests manifests) {
		List<String> namespaces = new ArrayList<>();
		for (JsonNode rule : manifests.get("NetworkPolicy", "web-gateway").path("spec").path("ingress")) {
			if (rule.path("ports").toString().contains("\"http\"")) {
				rule.path("from")
					.forEach((peer) -> namespaces.add(peer.path("namespaceSelector").path("matchLabels").toString()));
			}
		}
		return namespaces;
	}

	private static List<String> paths(JsonNode ingress) {
		List<String> paths = new ArrayList<>();
		ingress.path("spec")
			.path("rules")
			.get(0)
			.path("http")
			.path("paths")
			.forEach((path) -> paths.add(path.path("path").asString()));
		return paths;
	}

}
