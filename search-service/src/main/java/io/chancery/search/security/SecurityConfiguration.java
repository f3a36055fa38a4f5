package io.chancery.search.security;

import io.chancery.security.SecurityProperties;
import io.chancery.security.ServiceSecurity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Admin routes and the audit need the admin role, the editorial record (with drafts and
 * preview links) an editor or an admin; reads, search, feeds and previews through a link
 * are for anyone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
		return ServiceSecurity.guardedRoutes(http, properties, jwtDecoder.getIfAvailable(),
				new String[] { "/api/v1/admin/**", "/api/v1/editorial/**" },
				(routes) -> routes
					.requestMatchers("/api/v1/admin/**", "/api/v1/editorial/audit", "/api/v1/editorial/audit.csv")
					.hasRole("ADMIN")
					.requestMatchers(HttpMethod.GET, "/api/v1/editorial/**")
					.hasAnyRole("EDITOR", "ADMIN")
					.requestMatchers(HttpMethod.POST, "/api/v1/editorial/*/*/*/preview-link")
					.hasAnyRole("EDITOR", "ADMIN"));
	}

}
