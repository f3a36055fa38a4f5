package io.chancery.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;

/**
 * What a servlet service's routes accept in their query, for {@link StrictQuery} and the
 * API document. Without a bean of this type a service's routes accept their
 * {@code @RequestParam}s under {@code /api/**}; a service whose routes read their query
 * another way declares one.
 */
public interface QueryRoutes {

	/**
	 * What the route accepts.
	 * @return {@code null} for a route the check leaves alone
	 */
	@Nullable QueryParameters accepted(HandlerMethod route);

	/** The path patterns checked. */
	default List<String> paths() {
		return List.of("/api/**");
	}

	/** Each route accepts its {@code @RequestParam}s. */
	static QueryRoutes ofRequestParams() {
		return QueryParameters::ofRequestParams;
	}

}
