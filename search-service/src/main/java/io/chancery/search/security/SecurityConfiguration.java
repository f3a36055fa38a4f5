package io.chancery.search.security;

import io.chancery.security.SecurityProperties;
import io.chancery.security.ServiceSecurity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Admin routes need the admin role; reads, search and feeds are for anyone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
		// Only the admin routes pass through the chain: an anonymous read pays nothing
		// for
		// it (about 0.27 ms of CPU a search when every request did, docs/performance.md),
		// and
		// its other methods are refused by the routes themselves (405).
		http.securityMatcher("/api/v1/admin/**");
		return ServiceSecurity.chain(http, properties, jwtDecoder.getIfAvailable(),
				(routes) -> routes.requestMatchers("/api/v1/admin/**").hasRole("ADMIN"));
	}

}
