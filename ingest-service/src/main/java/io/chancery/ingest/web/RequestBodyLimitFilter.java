package io.chancery.ingest.web;

import java.io.IOException;

import io.chancery.ingest.validation.ContentProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Refuses single-change bodies over the configured size with 413 before they are read.
 * Imports stream and are limited per line instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	RequestBodyLimitFilter(ContentProperties properties) {
		this.limit = properties.maxBodySize().toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/api/v1/import");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		boolean chunked = declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
		if (chunked) {
			refuse(response, HttpStatus.LENGTH_REQUIRED,
					"Send a Content-Length: bodies of unknown length are accepted only by the import route");
			return;
		}
		if (declared > this.limit) {
			refuse(response, HttpStatus.CONTENT_TOO_LARGE,
					"The body is " + declared + " bytes; the limit is " + this.limit + " bytes");
			return;
		}
		// Kept as read, in case the change must be passed to the replica that owns its
		// partition.
		chain.doFilter(new ContentCachingRequestWrapper(request, (int) Math.min(this.limit, Integer.MAX_VALUE)),
				response);
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
					+ status.value() + ",\"detail\":\"" + detail + "\",\"limit\":" + this.limit + "}");
	}

}
