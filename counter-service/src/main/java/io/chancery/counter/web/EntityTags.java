package io.chancery.counter.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Strong ETags on the reads, made where their bytes are made: a digest of each answer,
 * and 304 when the request's {@code If-None-Match} names it. The gateway passes both
 * through, so it never holds a whole answer to hash it. The event stream has none.
 */
@Configuration(proxyBeanMethods = false)
class EntityTags {

	private static final String STREAM = "/api/v1/counters/stream";

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> entityTagsOnReads() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter() {

					@Override
					protected boolean shouldNotFilter(HttpServletRequest request) {
						// Held to be hashed, the event stream would never arrive.
						return request.getRequestURI().equals(STREAM);
					}

				});
		registration.addUrlPatterns("/api/v1/counters", "/api/v1/counters/*", "/api/v1/clocks", "/api/v1/site");
		return registration;
	}

}
