package io.chancery.gateway.website;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/** Where the website's pages are. */
@Configuration(proxyBeanMethods = false)
class WebsiteRoutes {

	@Bean
	RouterFunction<ServerResponse> websiteRouter(WebsitePages pages, Sitemaps sitemaps, Assets assets) {
		return RouterFunctions.route(GET("/"), pages::home)
			.andRoute(GET("/articles/{id}"), (request) -> pages.item("article", request))
			.andRoute(GET("/events/{id}"), (request) -> pages.item("event", request))
			.andRoute(GET("/preview/{collection}/{id}"), pages::preview)
			.andRoute(GET("/archive"), pages::archive)
			.andRoute(GET("/search"), pages::search)
			.andRoute(GET("/robots.txt"), sitemaps::robots)
			.andRoute(GET("/sitemap.xml"), sitemaps::index)
			.andRoute(GET("/sitemaps/{year}.xml"), sitemaps::year)
			.andRoute(GET("/assets/{name}"), assets::serve);
	}

}
