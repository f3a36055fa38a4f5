package io.chancery.gateway.routing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's API document, as the gateway passes it on, also describes what the gateway
 * answers itself on each route.
 */
class GatewayAnswersTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SERVICE = """
			{"openapi":"3.1.0","paths":{
			  "/api/v1/articles":{"get":{"responses":{"200":{"description":"A page"}}},
			    "post":{"responses":{"201":{"description":"Created"},
			      "503":{"description":"Kafka did not commit in time","content":{"application/problem+json":
			        {"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
			  "/api/v1/articles/{id}/{locale}":{"delete":{"responses":{"200":{"description":"Withdrawn"}}}},
			  "/api/v1/search/export":{"get":{"responses":{"200":{"description":"Rows"}}}},
			  "/api/v1/admin/reindex":{"post":{"responses":{"202":{"description":"Started"}}}},
			  "/actuator/health":{"get":{"responses":{"200":{"description":"Up"}}}}},
			 "components":{"schemas":{"Problem":{"type":"object"}}}}
			""";

	@Test
	void everyPassedOnRouteGetsTheGatewaysOwnAnswers() {
		JsonNode document = passedOn(SERVICE);
		JsonNode read = document.at("/paths/~1api~1v1~1articles/get/responses");
		assertThat(read.propertyNames()).contains("200", "429", "503").doesNotContain("411", "504");
		assertThat(read.at("/429/content/application~1problem+json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(read.at("/503/description").asString()).contains("cannot reach the service")
			.contains("did not answer twice within the gateway's read timeout");
		JsonNode withdraw = document.at("/paths/~1api~1v1~1articles~1{id}~1{locale}/delete/responses");
		assertThat(withdraw.at("/503/description").asString()).contains("as many writes as it takes")
			.contains("may or may not be stored");
		assertThat(withdraw.propertyNames()).doesNotContain("411");
	}

	@Test
	void whatTheServiceDocumentsKeepsItsWordsAndGetsTheGatewaysAfterThem() {
		JsonNode create = passedOn(SERVICE).at("/paths/~1api~1v1~1articles/post/responses");
		assertThat(create.at("/503/description").asString())
			.startsWith("Kafka did not commit in time. At the gateway: ")
			.contains("as many writes as it takes");
		assertThat(create.propertyNames()).contains("201", "411", "429", "503");
	}

	@Test
	void routesWithoutATimeoutSayNothingOfOneAndOtherPathsAreLeftAlone() {
		JsonNode document = passedOn(SERVICE);
		assertThat(document.at("/paths/~1api~1v1~1search~1export/get/responses/503/description").asString())
			.doesNotContain("timeout");
		assertThat(document.at("/paths/~1api~1v1~1admin~1reindex/post/responses/503/description").asString())
			.doesNotContain("timeout");
		assertThat(document.at("/paths/~1actuator~1health/get/responses").propertyNames()).containsExactly("200");
	}

	@Test
	void aBodyThatIsNoDocumentPassesAsItCame() {
		byte[] body = "not json".getBytes(StandardCharsets.UTF_8);
		assertThat(GatewayAnswers.addTo(body)).isSameAs(body);
		byte[] other = "{\"service\":\"search-service\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(GatewayAnswers.addTo(other)).isSameAs(other);
	}

	private static JsonNode passedOn(String document) {
		return json.readTree(GatewayAnswers.addTo(document.getBytes(StandardCharsets.UTF_8)));
	}

}
