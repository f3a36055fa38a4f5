package io.chancery.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-Api-Key} by comparing its digest, in constant time, with the
 * configured digests. A request with a key that matches none is refused at once rather
 * than passed on anonymous.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Api-Key";

	private final List<SecurityProperties.ApiKey> keys;

	private final ProblemWriter problems;

	ApiKeyAuthenticationFilter(SecurityProperties properties, ProblemWriter problems) {
		this.keys = properties.apiKeys();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(HEADER);
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		byte[] digest = HexFormat.of().formatHex(sha256(presented)).getBytes(StandardCharsets.US_ASCII);
		SecurityProperties.ApiKey match = null;
		for (SecurityProperties.ApiKey key : this.keys) {
			if (MessageDigest.isEqual(digest,
					key.sha256().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
				match = key;
			}
		}
		if (match == null) {
			this.problems.write(response, 401, "Unauthorized", "The API key is not valid");
			return;
		}
		var authentication = UsernamePasswordAuthenticationToken.authenticated("api-key:" + match.name(), null,
				List.of(new SimpleGrantedAuthority("ROLE_" + match.role().toUpperCase(Locale.ROOT))));
		SecurityContextHolder.getContext().setAuthentication(authentication);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
