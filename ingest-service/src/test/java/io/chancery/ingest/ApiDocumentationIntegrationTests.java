package io.chancery.ingest;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
		// The problems a write can end in are described, with the problem's shape.
		JsonNode paths = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(response.body())
			.get("paths");
		for (String write : new String[] { "/~1api~1v1~1articles/post", "/~1api~1v1~1articles~1{id}~1{locale}/delete",
				"/~1api~1v1~1events/post", "/~1api~1v1~1import/post" }) {
			for (String status : new String[] { "400", "409", "422", "503" }) {
				assertThat(paths.at(write + "/responses/" + status + "/content/application~1problem+json/schema/$ref")
					.asString()).as("%s %s in %s", write, status, paths.at(write + "/responses"))
					.isEqualTo("#/components/schemas/Problem");
			}
		}
		// Articles and events share their routes' code; each kind takes its own request.
		for (String kind : new String[] { "articles", "events" }) {
			String request = "#/components/schemas/" + ((kind.equals("articles")) ? "ArticleRequest" : "EventRequest");
			assertThat(paths.at("/~1api~1v1~1" + kind + "/post/requestBody/content/application~1json/schema/$ref")
				.asString()).isEqualTo(request);
			assertThat(paths
				.at("/~1api~1v1~1" + kind + "~1{id}~1{locale}/put/requestBody/content/application~1json/schema/$ref")
				.asString()).isEqualTo(request);
		}
	}

}
