package io.chancery.gateway.routing;

import io.chancery.web.ProblemDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own part of the API description: the home page and the page stream. The
 * services describe their routes under the same paths; Swagger UI at the gateway lists
 * all four descriptions.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

	@Bean
	OpenApiCustomizer gatewayRoutes() {
		return (openApi) -> describe(openApi);
	}

	@Bean
	OpenApiCustomizer problemSchema() {
		return ProblemDocumentation.schema();
	}

	private static void describe(OpenAPI openApi) {
		openApi.info(new Info().title("Chancery public API")
			.version("v1")
			.description("One front door for frontends and analysts. Reads are public; writes need an editor's "
					+ "bearer token or X-Api-Key; /api/v1/admin/** needs an admin. The other descriptions "
					+ "(search-service, ingest-service, counter-service) list the routes the gateway forwards, "
					+ "under the same paths."));
		Operation stream = new Operation().summary("Live updates for pages (server-sent events)")
			.description("Events: subscribed, event-published, event-withdrawn, counter-changed, "
					+ "counter-rolled-over (at each counter's local midnight), clock-offset-changed (DST).")
			.addTagsItem("Live")
			.addParametersItem(new Parameter().in("query").name("locale").schema(new StringSchema()))
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The stream")
				.content(new Content().addMediaType("text/event-stream", new MediaType()))));
		openApi.path("/api/v1/stream", new PathItem().get(stream));
	}

}
