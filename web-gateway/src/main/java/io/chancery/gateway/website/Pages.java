package io.chancery.gateway.website;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The reference website's pages. Each is a static HTML document with its own script,
 * which reads the public API; the same API any frontend gets.
 */
@Configuration(proxyBeanMethods = false)
class Pages {

	@Bean
	RouterFunction<ServerResponse> websitePages() {
		return RouterFunctions.route(GET("/"), (request) -> page("home"))
			.andRoute(GET("/articles/{id}"), (request) -> page("article"))
			.andRoute(GET("/events/{id}"), (request) -> page("article"))
			.andRoute(GET("/archive"), (request) -> page("archive"))
			.andRoute(GET("/search"), (request) -> page("search"));
	}

	private static reactor.core.publisher.Mono<ServerResponse> page(String name) {
		Resource html = new ClassPathResource("website/pages/" + name + ".html");
		return ServerResponse.ok()
			.contentType(MediaType.TEXT_HTML)
			// Pages are small and change with each release; their data changes by the
			// minute.
			.cacheControl(CacheControl.noCache())
			.bodyValue(html);
	}

}
