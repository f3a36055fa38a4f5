package io.chancery.ingest.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Writes need the editor or admin role; operational endpoints and the API description are
 * open. JWTs are accepted when an issuer or JWK set is configured
 * ({@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_*}); their {@code roles} claim
 * carries the roles.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
		ProblemWriter problems = new ProblemWriter();
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
						"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error")
				.permitAll()
				.requestMatchers("/api/v1/**")
				.hasAnyRole("EDITOR", "ADMIN")
				.anyRequest()
				.denyAll())
			.addFilterBefore(new ApiKeyAuthenticationFilter(properties, problems),
					BearerTokenAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "Unauthorized",
						"Send an editor's bearer token or X-Api-Key"))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, 403, "Forbidden",
						"This credential's role may not do this")));
		if (jwtDecoder.getIfAvailable() != null) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(new RolesClaimConverter()))
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "Unauthorized",
						"The bearer token is not valid: expired, wrongly signed or malformed")));
		}
		return http.build();
	}

	/** Maps the {@code roles} claim (["editor"]) to Spring's ROLE_EDITOR. */
	static final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

		@Override
		public AbstractAuthenticationToken convert(Jwt jwt) {
			List<String> roles = jwt.getClaimAsStringList("roles");
			Collection<GrantedAuthority> authorities = (roles != null) ? roles.stream()
				.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
				.toList() : List.of();
			return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
		}

	}

}
