package io.chancery.ingest;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route is described in the OpenAPI document, which needs no credential to read.
 */
@IngestIntegrationTest
class ApiDocumentationIntegrationTests {

	@Value("http://127.0.0.1:${local.server.port}")
	private String base;

	@Test
	void openApiDocumentDescribesEveryRoute() throws Exception {
		HttpResponse<String> response = new IngestClient(this.base).send("GET", "/v3/api-docs", null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"openapi\"", "\"/api/v1/articles\"",
				"\"/api/v1/articles/{id}/{locale}\"", "\"/api/v1/events\"", "\"/api/v1/events/{id}/{locale}\"",
				"\"/api/v1/site/{locale}\"", "\"/api/v1/import\"", "\"/api/v1/imports/{id}\"");
	}

}
