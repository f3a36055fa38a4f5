package io.chancery.search;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.chancery.web.OperationalEndpointsContract;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service starts against the real engines and answers its operational endpoints
 * (liveness and readiness groups, build info and Prometheus metrics, on the management
 * port only), with its indexing metrics, and describes every route.
 */
@SearchIntegrationTest
class SearchApplicationTests extends OperationalEndpointsContract {

	@Test
	void indexingMetricsAreExposed() {
		// Indexing latency (publish → indexed), bulk failures, dead letters, and the
		// binder's consumer lag.
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(send(this.management + "/actuator/prometheus").body()).contains(
					"chancery_indexing_latency_seconds_count", "chancery_indexing_bulk_failures_total",
					"chancery_indexing_dead_letters_total", "chancery_indexing_documents_total",
					"spring_cloud_stream_binder_kafka_offset"));
	}

	@Test
	void openApiDescribesEveryRoute() throws Exception {
		HttpResponse<String> response = send(this.api + "/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"/api/v1/search\"", "\"/api/v1/search/export\"", "\"/api/v1/articles\"",
				"\"/api/v1/articles/{id}\"", "\"/api/v1/articles/{id}/related\"", "\"/api/v1/events\"",
				"\"/api/v1/events/{id}\"", "\"/api/v1/archive\"", "\"/api/v1/archive/months\"",
				"\"/feeds/events.atom\"", "\"/feeds/articles/{kind}.atom\"", "\"/api/v1/admin/reindex\"",
				"\"/api/v1/admin/dead-letters\"", "\"/api/v1/admin/dead-letters/replay\"");
	}

}
