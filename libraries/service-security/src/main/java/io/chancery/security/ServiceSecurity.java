package io.chancery.security;

import jakarta.servlet.DispatcherType;
import org.jspecify.annotations.Nullable;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The one security filter chain of a servlet service: stateless, an API key
 * ({@code X-Api-Key}) or a JWT bearer token as the credential, 401 and 403 as
 * problem+json. The service names which routes need which role; operational endpoints and
 * the API description are open on every service, and a route nobody named is refused.
 */
public final class ServiceSecurity {

	private static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error" };

	private ServiceSecurity() {
	}

	/**
	 * The chain of a service whose only guarded routes are its admin routes
	 * ({@code /api/v1/admin/**}, admin role): only they pass through it, so a public read
	 * pays nothing for it (about 0.27 ms of CPU a search when every request did,
	 * docs/performance.md); their other methods are refused by the routes themselves
	 * (405).
	 * @see #chain
	 */
	public static SecurityFilterChain adminRoutes(HttpSecurity http, SecurityProperties properties,
			@Nullable JwtDecoder jwtDecoder) {
		return guardedRoutes(http, properties, jwtDecoder, new String[] { "/api/v1/admin/**" },
				(routes) -> routes.requestMatchers("/api/v1/admin/**").hasRole("ADMIN"));
	}

	/**
	 * The chain of a service whose public routes need no credential: only the guarded
	 * routes pass through it, so a public read pays nothing for it.
	 * @param guarded the path patterns the chain covers; every other route is the
	 * service's public API
	 * @param routes which of the guarded routes need which role; a guarded route nobody
	 * named is refused
	 * @see #chain
	 */
	public static SecurityFilterChain guardedRoutes(HttpSecurity http, SecurityProperties properties,
			@Nullable JwtDecoder jwtDecoder, String[] guarded,
			Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> routes) {
		http.securityMatcher(guarded);
		return chain(http, properties, jwtDecoder, routes);
	}

	/**
	 * Builds the chain.
	 * @param http the builder Boot hands a {@code SecurityFilterChain} bean
	 * @param properties the API keys
	 * @param jwtDecoder the decoder Boot configures from
	 * {@code spring.security.oauth2.resourceserver.jwt.*} (issuer, audiences,
	 * algorithms), absent when none is configured: then only API keys are accepted
	 * @param routes which of the service's routes need which role; whatever is not named
	 * here or open is refused
	 */
	public static SecurityFilterChain chain(HttpSecurity http, SecurityProperties properties,
			@Nullable JwtDecoder jwtDecoder,
			Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> routes) {
		ProblemWriter problems = new ProblemWriter();
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((authorize) -> {
				// A streamed answer (StreamingResponseBody) ends in an async dispatch of
				// a
				// request this chain authorized on its way in; the credential filters run
				// once a request, so that dispatch carries no authentication of its own.
				authorize.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
				authorize.requestMatchers(OPEN).permitAll();
				routes.customize(authorize);
				authorize.anyRequest().denyAll();
			})
			.addFilterBefore(new ApiKeyAuthenticationFilter(properties, problems),
					BearerTokenAuthenticationFilter.class)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "Unauthorized",
						"Send a bearer token or X-Api-Key with a role that may do this"))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, 403, "Forbidden",
						"This credential's role may not do this")));
		if (jwtDecoder != null) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(new RolesClaimConverter()))
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "Unauthorized",
						"The bearer token is not valid: expired, wrongly signed, from another issuer or for "
								+ "another audience, or malformed")));
		}
		try {
			return http.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException("The security filter chain could not be built", ex);
		}
	}

}
