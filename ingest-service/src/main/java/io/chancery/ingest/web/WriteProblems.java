package io.chancery.ingest.web;

import java.util.Set;

import io.chancery.web.ProblemDocumentation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * The problems a write can end in, in the API document beside each write route, so that a
 * generated client knows them: what {@link ProblemHandler} and the security chain answer.
 */
@Configuration(proxyBeanMethods = false)
class WriteProblems {

	private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.DELETE);

	@Bean
	OperationCustomizer writeProblemResponses() {
		return (operation, handler) -> {
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
					RequestMapping.class);
			if (mapping == null || Set.of(mapping.method()).stream().noneMatch(WRITES::contains)) {
				return operation;
			}
			ApiResponses responses = operation.getResponses();
			add(responses, "401", "No credential, or one that is not recognised");
			add(responses, "403", "The credential's role may not write");
			add(responses, "409", "The revision named in If-Match is not the item's current one; the problem "
					+ "carries the current revision. Nothing was stored");
			add(responses, "413", "The body is larger than this route takes");
			add(responses, "415", "The body is not of a type this route takes");
			add(responses, "422", "The content breaks a rule (each under errors, with its field path), or an "
					+ "Idempotency-Key was reused for another request. Nothing was stored");
			add(responses, "503",
					"Kafka or the partition's owner cannot be reached, or this replica is working on "
							+ "as many writes as it takes. Nothing was stored: retry after Retry-After with the same "
							+ "Idempotency-Key");
			return operation;
		};
	}

	private static void add(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			ApiResponse response = ProblemDocumentation.response(description);
			responses.addApiResponse(status, response);
		}
	}

}
