package io.chancery.gateway.home;

import java.util.List;

import io.chancery.gateway.web.SiteProperties;
import io.chancery.gateway.home.HomePages.Rendered;
import io.chancery.gateway.limits.RateLimits;
import io.chancery.gateway.security.SecurityHeaders;
import io.chancery.gateway.web.EntityTags;
import io.chancery.gateway.web.ProblemErrorHandler;
import io.chancery.gateway.web.ShortPaths;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The home page's short path. The busiest request of the site is an anonymous
 * {@code GET /api/v1/home?locale=…} for now, and its answer is shared bytes for half a
 * second ({@link HomePages}): such a request ({@code GET}) is answered from them
 * directly, with the headers the full path adds (security headers, {@code RateLimit},
 * cache policy, ETag and 304) and timed as the full path would be, without passing Spring
 * Security's filters, WebFlux's dispatch and a controller. A request with {@code at}, any
 * other parameter, a locale that is not one, a credential, or a client with no reads left
 * takes the full path ({@link HomeController}), which answers or refuses it.
 */
@Component
class PublicHome implements HttpHandlerDecoratorFactory {

	static final String PATH = "/api/v1/home";

	private final HomePages pages;

	private final RateLimits limits;

	private final SecurityHeaders securityHeaders;

	private final ShortPaths timing;

	private final SiteProperties site;

	PublicHome(HomePages pages, RateLimits limits, SecurityHeaders securityHeaders, ShortPaths timing,
			SiteProperties site) {
		this.site = site;
		this.pages = pages;
		this.limits = limits;
		this.securityHeaders = securityHeaders;
		this.timing = timing;
	}

	@Override
	public HttpHandler apply(HttpHandler fullPath) {
		return (request, response) -> {
			String language = PATH.equals(request.getURI().getRawPath()) ? language(request) : null;
			if (language == null || !this.limits.takeAnonymous(request, response)) {
				return fullPath.handle(request, response);
			}
			long start = System.nanoTime();
			return this.pages.now(language)
				.flatMap((page) -> answer(request, response, page))
				.onErrorResume((ex) -> response.isCommitted() ? Mono.error(ex)
						: ProblemErrorHandler.answer(request, response, ex))
				.doFinally((signal) -> this.timing.time(request, response, PATH, start));
		};
	}

	/** The locale of a request this path answers, or null for the full path. */
	private @Nullable String language(ServerHttpRequest request) {
		if (!ShortPaths.anonymousPlainRead(request)) {
			return null;
		}
		MultiValueMap<String, String> query = request.getQueryParams();
		if (query.isEmpty()) {
			return this.site.defaultLocale();
		}
		List<String> locales = query.get("locale");
		if (query.size() != 1 || locales == null || locales.size() != 1) {
			return null;
		}
		String language = locales.getFirst().isBlank() ? this.site.defaultLocale() : locales.getFirst().strip();
		return this.site.speaks(language) ? language : null;
	}

	private Mono<Void> answer(ServerHttpRequest request, ServerHttpResponse response, Rendered page) {
		HttpHeaders headers = response.getHeaders();
		headers.setETag(page.tag());
		headers.setCacheControl(this.pages.cacheControl(page));
		this.securityHeaders.writeTo(headers);
		if (EntityTags.matches(request.getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH), page.tag())) {
			response.setStatusCode(HttpStatus.NOT_MODIFIED);
			return response.setComplete();
		}
		response.setStatusCode(HttpStatus.OK);
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setContentLength(page.body().length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(page.body())));
	}

}
