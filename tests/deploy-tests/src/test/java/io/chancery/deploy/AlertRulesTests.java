package io.chancery.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules are whole and lead somewhere: every expression is complete, each alert
 * links to its runbook entry in docs/operations.md, and an alert on a lag metric has a
 * twin that fires when the metric is absent (a stopped consumer reports no lag).
 */
class AlertRulesTests {

	@Test
	void everyAlertLinksToItsEntryInTheRunbook() throws IOException {
		Set<String> entries = new TreeSet<>();
		for (String line : Files.readAllLines(Chart.project().resolve("docs/operations.md"))) {
			if (line.startsWith("### Chancery")) {
				entries.add(line.substring(4).strip());
			}
		}
		List<String> alerts = new ArrayList<>();
		for (JsonNode rule : rules()) {
			String alert = rule.path("alert").asString();
			alerts.add(alert);
			assertThat(rule.path("annotations").path("runbook_url").asString()).as(alert)
				.isEqualTo("docs/operations.md#" + alert.toLowerCase(Locale.ROOT));
			assertThat(rule.path("annotations").path("summary").asString()).as(alert).isNotBlank();
		}
		assertThat(entries).as("runbook entries in docs/operations.md").containsAll(alerts);
		assertThat(alerts).contains("ChanceryDeadLetters", "ChanceryPodNotReady", "ChanceryPodRestarting",
				"ChanceryCertificateExpiring", "ChanceryIndexingSlow");
	}

	@Test
	void everyExpressionIsCompleteAndScopedToTheRelease() {
		for (JsonNode rule : rules()) {
			String expr = rule.path("expr").asString();
			assertThat(expr).as(rule.path("alert").asString()).isNotBlank().doesNotContain("<no value>");
			assertThat(expr.chars().filter((c) -> c == '(').count()).as(expr)
				.isEqualTo(expr.chars().filter((c) -> c == ')').count());
			assertThat(expr.chars().filter((c) -> c == '{').count()).as(expr)
				.isEqualTo(expr.chars().filter((c) -> c == '}').count());
			if (expr.matches("(?s).*\\b(kube|certmanager|kafka|elasticsearch)_.*")) {
				assertThat(expr).as("another namespace's pods are not ours").contains("namespace=\"chancery\"");
			}
		}
	}

	@Test
	void aLagAlertAlsoFiresWhenItsMetricIsAbsent() {
		String lagMetric = "spring_cloud_stream_binder_kafka_offset";
		List<String> expressions = rules().stream().map((rule) -> rule.path("expr").asString()).toList();
		assertThat(expressions).anyMatch((expr) -> expr.contains(lagMetric) && !expr.contains("absent("));
		assertThat(expressions).anyMatch((expr) -> expr.contains("absent(" + lagMetric));
	}

	@Test
	void everyRouteWithAnObjectiveIsOneTheGatewayTags() throws IOException {
		String routes = Files
			.readString(Chart.project().resolve("web-gateway/src/main/java/io/chancery/gateway/routing/Routes.java"));
		List<String> objectives = rules().stream()
			.filter((rule) -> rule.path("alert").asString().equals("ChanceryRouteSlow"))
			.map((rule) -> rule.path("labels").path("route").asString())
			.toList();
		assertThat(objectives).contains("search-reads", "counter-reads", "ingest-writes");
		for (String route : objectives) {
			// A route's id (named where a route is declared, or as a constant there), or
			// the template of an answer the gateway makes itself.
			assertThat(route.startsWith("/") || routes.contains(".route(\"" + route + "\"")
					|| routes.contains(" = \"" + route + "\";"))
				.as(route)
				.isTrue();
		}
		String burn = rules().stream()
			.filter((rule) -> rule.path("alert").asString().equals("ChanceryRouteErrorBudgetBurn"))
			.findFirst()
			.orElseThrow()
			.path("expr")
			.asString();
		assertThat(burn).contains("[1h]", "[5m]", "0.0144");
	}

	@Test
	void deadLettersOfBothServicesRaiseTheAlert() {
		String expr = rules().stream()
			.filter((rule) -> rule.path("alert").asString().equals("ChanceryDeadLetters"))
			.findFirst()
			.orElseThrow()
			.path("expr")
			.asString();
		assertThat(expr).contains("chancery_indexing_dead_letters_total", "chancery_counters_dead_letters_total");
	}

	private static List<JsonNode> rules() {
		List<JsonNode> rules = new ArrayList<>();
		JsonNode rule = Chart.production().get("PrometheusRule", "chancery");
		rule.path("spec").path("groups").forEach((group) -> group.path("rules").forEach(rules::add));
		assertThat(rules).isNotEmpty();
		return rules;
	}

}
