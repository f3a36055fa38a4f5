package io.chancery.gateway.security;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The headers Spring Security adds to every answer as this gateway configures it: the
 * security headers, and {@code Vary} for CORS when browsers may call from other origins.
 * The public reads' own path, which Spring Security does not see, writes the same; a test
 * holds the two paths to one set.
 */
@Component
public class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

	private static final List<String> CORS_VARY = List.of(HttpHeaders.ORIGIN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
			HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);

	private final boolean cors;

	SecurityHeaders(CorsProperties properties) {
		this.cors = !properties.allowedOrigins().isEmpty();
	}

	/**
	 * Writes them to an answer of the public API, as Spring Security's writers do: each
	 * only where the answer (a service's) has not set it already.
	 */
	public void writeTo(HttpHeaders headers) {
		setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
		setIfAbsent(headers, "X-Frame-Options", "DENY");
		setIfAbsent(headers, "X-XSS-Protection", "0");
		setIfAbsent(headers, "Content-Security-Policy", CONTENT_SECURITY_POLICY);
		setIfAbsent(headers, "Referrer-Policy", "strict-origin-when-cross-origin");
		setIfAbsent(headers, "Permissions-Policy", PERMISSIONS_POLICY);
		if (this.cors) {
			// A cache must not hand this answer to a request from another origin.
			List<String> vary = headers.getVary();
			for (String name : CORS_VARY) {
				if (!vary.contains(name)) {
					headers.add(HttpHeaders.VARY, name);
				}
			}
		}
	}

	private static void setIfAbsent(HttpHeaders headers, String name, String value) {
		if (!headers.containsHeader(name)) {
			headers.set(name, value);
		}
	}

}
