package io.chancery.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-Api-Key} ({@link ApiKeys}). A request with a key that matches
 * none is refused at once rather than passed on anonymous, so a typo never silently loses
 * a write's credential.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeys keys;

	private final ProblemWriter problems;

	ApiKeyAuthenticationFilter(SecurityProperties properties, ProblemWriter problems) {
		this.keys = new ApiKeys(properties.apiKeys());
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(ApiKeys.HEADER);
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		Authentication holder = this.keys.check(presented);
		if (holder == null) {
			this.problems.write(response, 401, "Unauthorized", "The API key is not valid");
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(holder);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
