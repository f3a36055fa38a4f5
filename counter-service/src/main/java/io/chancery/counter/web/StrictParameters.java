package io.chancery.counter.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a query parameter a route does not declare, and a declared one given twice.
 * Silently ignoring {@code ?colour=red} or a mistyped {@code ?at_=} would answer a
 * different question than the caller asked, and look like success.
 */
@Configuration(proxyBeanMethods = false)
class StrictParameters implements WebMvcConfigurer, HandlerInterceptor {

	private final Map<HandlerMethod, Set<String>> declared = new ConcurrentHashMap<>();

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		Set<String> allowed = this.declared.computeIfAbsent(method, StrictParameters::names);
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			String name = parameter.getKey();
			if (!allowed.contains(name)) {
				throw new InvalidParameter(name, "is not a parameter of this route", List.copyOf(allowed));
			}
			if (parameter.getValue().length > 1) {
				throw new InvalidParameter(name, "is given more than once", List.of("one value"));
			}
		}
		return true;
	}

	private static Set<String> names(HandlerMethod method) {
		return Stream.of(method.getMethodParameters())
			.map(StrictParameters::name)
			.flatMap((name) -> name.stream())
			.collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
	}

	private static List<String> name(MethodParameter parameter) {
		RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
		if (annotation == null) {
			return List.of();
		}
		String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
		return (name != null) ? List.of(name) : List.of();
	}

}
