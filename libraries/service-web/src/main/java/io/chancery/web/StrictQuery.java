package io.chancery.web;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks a servlet route's query against the parameters it accepts before the route runs,
 * ahead of every other interceptor (a refused query takes no place among admitted
 * writes). {@link StrictQueryAutoConfiguration} installs it in every servlet service, for
 * the {@link QueryRoutes} the service declares, else for its routes'
 * {@code @RequestParam}s.
 */
public final class StrictQuery implements HandlerInterceptor {

	private final QueryRoutes routes;

	private final Map<Method, Optional<QueryParameters>> accepted = new ConcurrentHashMap<>();

	/**
	 * @param routes what each route accepts
	 */
	public StrictQuery(QueryRoutes routes) {
		this.routes = routes;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method) {
			this.accepted
				.computeIfAbsent(method.getMethod(), (key) -> Optional.ofNullable(this.routes.accepted(method)))
				.ifPresent((parameters) -> parameters.check(request.getParameterMap()));
		}
		return true;
	}

}
