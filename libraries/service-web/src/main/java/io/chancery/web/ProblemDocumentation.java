package io.chancery.web;

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

/**
 * The problem answers in a service's API document: one {@code Problem} schema (RFC 9457
 * with the properties our problems add) and the responses that refer to it, so that a
 * generated client knows the shape of every error it can get.
 */
public final class ProblemDocumentation {

	/** The schema's name under {@code components/schemas}. */
	public static final String SCHEMA = "Problem";

	/** A reference to the schema, for {@code @ApiResponse} annotations. */
	public static final String REF = "#/components/schemas/" + SCHEMA;

	private ProblemDocumentation() {
	}

	/** Adds the {@code Problem} schema to the document. */
	public static OpenApiCustomizer schema() {
		return (openApi) -> openApi.getComponents()
			.addSchemas(SCHEMA,
					new ObjectSchema().description("An RFC 9457 problem")
						.addProperty("type", new StringSchema())
						.addProperty("title", new StringSchema())
						.addProperty("status", new IntegerSchema())
						.addProperty("detail", new StringSchema())
						.addProperty("instance", new StringSchema())
						.addProperty("parameter", new StringSchema().description("the parameter refused"))
						.addProperty("accepted",
								new ArraySchema().items(new StringSchema()).description("what it accepts"))
						.addProperty("retryAfterSeconds", new IntegerSchema()));
	}

	/** A response with a problem body. */
	public static ApiResponse response(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref(REF))));
	}

	/**
	 * Adds the 400 that {@link StrictQuery} answers to each operation whose route it
	 * checks.
	 * @param routes what the service's {@link StrictQuery} checks
	 */
	public static OperationCustomizer invalidParameters(QueryRoutes routes) {
		return (operation, handler) -> {
			if (routes.accepted(handler) != null) {
				operation.getResponses()
					.addApiResponse("400", response("A parameter is unknown, given twice or malformed; the problem "
							+ "names it and lists what is accepted"));
			}
			return operation;
		};
	}

}
