package io.chancery.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import io.chancery.gateway.web.Problems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Who may do what. Reads are public. Writes and the editorial record need the editor or
 * admin role, the admin routes and the audit the admin role; credentials are JWT bearer
 * tokens (when an issuer or JWK set is configured,
 * {@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_*}; the {@code roles} claim carries
 * the roles) or API keys. Every answer carries security headers; pages get a Content
 * Security Policy that allows only the site's own scripts, styles and connections.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] CONTENT = { "/api/v1/articles", "/api/v1/articles/**", "/api/v1/events",
			"/api/v1/events/**" };

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, SecurityProperties properties,
			ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
		ApiKeys apiKeys = new ApiKeys(properties.apiKeys());
		AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter(apiKeys);
		apiKeyFilter.setServerAuthenticationConverter(apiKeys);
		apiKeyFilter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		apiKeyFilter.setAuthenticationFailureHandler((exchange, ex) -> Problems.write(exchange.getExchange(),
				HttpStatus.UNAUTHORIZED, "Unauthorized", "The API key is not valid"));
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.cors((cors) -> cors.configurationSource(cors(properties)))
			.headers((headers) -> headers
				// Cache-Control is set per resource (PublicCaching, HomeController).
				.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
				.contentSecurityPolicy((csp) -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
				.referrerPolicy((referrer) -> referrer
					.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicy((permissions) -> permissions.policy(SecurityHeaders.PERMISSIONS_POLICY)))
			.authorizeExchange((exchanges) -> exchanges
				.pathMatchers("/api/v1/admin/**", "/api/v1/editorial/audit", "/api/v1/editorial/audit.csv")
				.hasRole("ADMIN")
				.pathMatchers(HttpMethod.GET, "/api/v1/editorial/**")
				.hasAnyRole("EDITOR", "ADMIN")
				.pathMatchers(HttpMethod.POST, "/api/v1/editorial/*/*/*/preview-link")
				.hasAnyRole("EDITOR", "ADMIN")
				.pathMatchers(HttpMethod.POST, "/api/v1/import")
				.hasAnyRole("EDITOR", "ADMIN")
				.pathMatchers(HttpMethod.GET, "/api/v1/imports/**")
				.hasAnyRole("EDITOR", "ADMIN")
				.pathMatchers(HttpMethod.POST, CONTENT)
				.hasAnyRole("EDITOR", "ADMIN")
				.pathMatchers(HttpMethod.PUT, CONTENT)
				.hasAnyRole("EDITOR", "ADMIN")
				.pathMatchers(HttpMethod.DELETE, CONTENT)
				.hasAnyRole("EDITOR", "ADMIN")
				.pathMatchers(HttpMethod.PUT, "/api/v1/site", "/api/v1/site/**")
				.hasAnyRole("EDITOR", "ADMIN")
				.pathMatchers(HttpMethod.GET, "/**")
				.permitAll()
				.pathMatchers(HttpMethod.HEAD, "/**")
				.permitAll()
				.pathMatchers(HttpMethod.OPTIONS, "/**")
				.permitAll()
				.anyExchange()
				.denyAll())
			.addFilterAt(apiKeyFilter, SecurityWebFiltersOrder.AUTHENTICATION)
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((exchange, ex) -> Problems.write(exchange, HttpStatus.UNAUTHORIZED,
						"Unauthorized", "Send an editor's or admin's bearer token, or X-Api-Key"))
				.accessDeniedHandler((exchange, ex) -> Problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden",
						"This credential's role may not do this")));
		if (jwtDecoder.getIfAvailable() != null) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.jwtAuthenticationConverter(
						new ReactiveJwtAuthenticationConverterAdapter(new RolesClaimConverter())))
				.authenticationEntryPoint((exchange, ex) -> Problems.write(exchange, HttpStatus.UNAUTHORIZED,
						"Unauthorized", "The bearer token is not valid: expired, wrongly signed or malformed")));
		}
		return http.build();
	}

	/**
	 * Requests the firewall refuses before any filter chain (encoded slashes, dots or NUL
	 * in the path, and the like) get a problem like every other 400, not a bare status.
	 */
	/**
	 * No observation per security filter, authentication and authorization: each exchange
	 * is already timed and traced once as a whole, and the nested observations of the
	 * chain cost a measurable share of every proxied request's CPU.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	ServerExchangeRejectedHandler rejectedAsProblem() {
		return (exchange, ex) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad Request",
				"The address contains something the gateway refuses, such as an encoded slash, dot or NUL");
	}

	private static CorsConfigurationSource cors(SecurityProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (properties.allowedOrigins().isEmpty()) {
			return source;
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(properties.allowedOrigins());
		configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
		configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", ApiKeys.HEADER, "If-Match",
				"If-None-Match", "Idempotency-Key", "Import-Id", "Last-Event-ID"));
		configuration.setExposedHeaders(List.of("ETag", "Location", "Retry-After", "Import-Id"));
		configuration.setMaxAge(3600L);
		source.registerCorsConfiguration("/api/**", configuration);
		source.registerCorsConfiguration("/feeds/**", configuration);
		return source;
	}

	/** Maps the {@code roles} claim (["editor"]) to Spring's ROLE_EDITOR. */
	static final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {

		@Override
		public AbstractAuthenticationToken convert(Jwt jwt) {
			List<String> roles = jwt.getClaimAsStringList("roles");
			Collection<GrantedAuthority> authorities = (roles != null) ? roles.stream()
				.map((role) -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)))
				.toList() : List.of();
			return new JwtAuthenticationToken(jwt, authorities, "jwt:" + jwt.getSubject());
		}

	}

}
