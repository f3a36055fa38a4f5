package io.chancery.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every servlet service refuses a query parameter its route does not accept, and a second
 * value of one that takes one, before the route runs; its API document describes that 400
 * and the problem's shape. A service says nothing unless its routes read their query
 * otherwise than with {@code @RequestParam} (then it declares {@link QueryRoutes}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(HandlerInterceptor.class)
public class StrictQueryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	QueryRoutes queryRoutes() {
		return QueryRoutes.ofRequestParams();
	}

	@Bean
	WebMvcConfigurer strictQuery(QueryRoutes routes) {
		StrictQuery check = new StrictQuery(routes);
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(check)
					.addPathPatterns(routes.paths().toArray(String[]::new))
					.order(Ordered.HIGHEST_PRECEDENCE);
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OperationCustomizer.class)
	static class Documentation {

		@Bean
		OperationCustomizer invalidParameters(QueryRoutes routes) {
			return ProblemDocumentation.invalidParameters(routes);
		}

		@Bean
		OpenApiCustomizer problemSchema() {
			return ProblemDocumentation.schema();
		}

	}

}
