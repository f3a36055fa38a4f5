package io.chancery.search.reading;

import java.util.Map;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares in the API document the query parameters of each read route, from
 * {@link ReadParameters}, where the route's strictness takes them from too, and the
 * problem answers a read can end in.
 */
@Configuration(proxyBeanMethods = false)
class ParameterDocumentation {

	private static final String PROBLEM = "Problem";

	@Bean
	OperationCustomizer readParameters() {
		return (operation, handler) -> {
			ReadParameters.Accepts accepts = handler.getMethodAnnotation(ReadParameters.Accepts.class);
			if (accepts == null) {
				return operation;
			}
			accepts.value().documented().forEach(operation::addParametersItem);
			operation.getResponses()
				.addApiResponse("400", problem("A parameter is unknown, given twice or malformed; the problem names it "
						+ "and lists what is accepted"));
			switch (accepts.value()) {
				case ITEM,
						RELATED ->
					operation.getResponses()
						.addApiResponse("404", problem("No such item in this locale, or not public yet"))
						.addApiResponse("410", problem("The item was withdrawn for good"));
				case SEARCH, LISTING, ARCHIVE, EXPORT -> operation.getResponses()
					.addApiResponse("503", problem("Too busy: as many cursors and exports are open as the service "
							+ "holds at once (paging=cursor, exports); try again after Retry-After"));
				default -> {
				}
			}
			return operation;
		};
	}

	@Bean
	OpenApiCustomizer problemSchema() {
		return (openApi) -> openApi.getComponents()
			.addSchemas(PROBLEM,
					new ObjectSchema().description("An RFC 9457 problem")
						.properties(Map.of("type", new StringSchema(), "title", new StringSchema(), "status",
								new IntegerSchema(), "detail", new StringSchema(), "instance", new StringSchema(),
								"parameter", new StringSchema().description("the parameter refused"), "accepted",
								new ArraySchema().items(new StringSchema()).description("what it accepts"),
								"retryAfterSeconds", new IntegerSchema())));
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

}
