package io.chancery.search.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Strong ETags on the public reads, made where their bytes are made: a digest of each
 * answer, and 304 when the request's {@code If-None-Match} names it. The gateway passes
 * both through, so it never holds a whole answer to hash it. Exports stream and the admin
 * routes are not cached, so neither gets one.
 */
@Configuration(proxyBeanMethods = false)
class EntityTags {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> entityTagsOnReads() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns("/api/v1/articles", "/api/v1/articles/*", "/api/v1/events", "/api/v1/events/*",
				"/api/v1/archive", "/api/v1/archive/*", "/api/v1/search", "/feeds/*");
		return registration;
	}

}
