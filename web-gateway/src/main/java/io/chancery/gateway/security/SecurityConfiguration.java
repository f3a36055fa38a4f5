package io.chancery.gateway.security;

import java.util.List;

import io.chancery.gateway.web.Problems;
import io.chancery.security.ApiKeys;
import io.chancery.security.RolesClaimConverter;
import io.chancery.security.SecurityProperties;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
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
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, SecurityProperties keys, CorsProperties properties,
			ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
		ApiKeys apiKeys = new ApiKeys(keys.apiKeys());
		ReactiveAuthenticationManager byKey = (presented) -> {
			Authentication holder = apiKeys.check(String.valueOf(presented.getCredentials()));
			return (holder != null) ? Mono.just(holder) : Mono.error(new BadCredentialsException("Unknown API key"));
		};
		AuthenticationWebFilter apiKeyFilter = new AuthenticationWebFilter(byKey);
		// An exchange without the header is left to the other credentials, or anonymous.
		apiKeyFilter.setServerAuthenticationConverter(
				(exchange) -> Mono.justOrEmpty(exchange.getRequest().getHeaders().getFirst(ApiKeys.HEADER))
					.map((presented) -> new UsernamePasswordAuthenticationToken(null, presented)));
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
	@Bean
	ServerExchangeRejectedHandler rejectedAsProblem() {
		return (exchange, ex) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad Request",
				"The address contains something the gateway refuses, such as an encoded slash, dot or NUL");
	}

	private static CorsConfigurationSource cors(CorsProperties properties) {
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

}
