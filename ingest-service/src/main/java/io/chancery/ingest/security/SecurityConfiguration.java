package io.chancery.ingest.security;

import io.chancery.security.SecurityProperties;
import io.chancery.security.ServiceSecurity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every route of the API changes content, so every one needs the editor or admin role;
 * the admin routes (the backup) the admin role.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
		return ServiceSecurity.chain(http, properties, jwtDecoder.getIfAvailable(),
				(routes) -> routes.requestMatchers("/api/v1/admin/**")
					.hasRole("ADMIN")
					.requestMatchers("/api/v1/**")
					.hasAnyRole("EDITOR", "ADMIN"));
	}

}
