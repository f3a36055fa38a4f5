package io.chancery.search.reading;

import java.util.List;

import io.chancery.web.ProblemDocumentation;
import io.chancery.web.QueryParameters;
import io.chancery.web.QueryRoutes;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/**
 * What each route's query may hold, checked before the route runs and declared in the API
 * document from the same source: a read route's {@link ReadParameters} table, any other
 * route's {@code @RequestParam}s. The problem answers a read can end in are declared
 * beside them.
 */
@Configuration(proxyBeanMethods = false)
class StrictReads {

	@Bean
	QueryRoutes readRoutes() {
		return new QueryRoutes() {

			@Override
			public @Nullable QueryParameters accepted(HandlerMethod route) {
				return StrictReads.accepted(route);
			}

			@Override
			public List<String> paths() {
				return List.of("/api/**", "/feeds/**");
			}

		};
	}

	static @Nullable QueryParameters accepted(HandlerMethod handler) {
		ReadParameters.Accepts accepts = handler.getMethodAnnotation(ReadParameters.Accepts.class);
		return (accepts != null) ? accepts.value().accepted() : QueryParameters.ofRequestParams(handler);
	}

	@Bean
	OperationCustomizer readParameters() {
		return (operation, handler) -> {
			ReadParameters.Accepts accepts = handler.getMethodAnnotation(ReadParameters.Accepts.class);
			if (accepts == null) {
				return operation;
			}
			accepts.value().documented().forEach(operation::addParametersItem);
			switch (accepts.value()) {
				case ITEM,
						RELATED ->
					operation.getResponses()
						.addApiResponse("404",
								ProblemDocumentation.response("No such item in this locale, or not public yet"))
						.addApiResponse("410", ProblemDocumentation.response("The item was withdrawn for good"));
				case SEARCH, LISTING, ARCHIVE, EXPORT -> operation.getResponses()
					.addApiResponse("503", ProblemDocumentation
						.response("Too busy: as many cursors and exports are open as "
								+ "the service holds at once (paging=cursor, exports); try again after Retry-After"));
				default -> {
				}
			}
			return operation;
		};
	}

}
