package io.chancery.gateway.website;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;

import io.chancery.gateway.web.SiteProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * What search engines read to find every page: {@code robots.txt}, which names the
 * sitemap; {@code /sitemap.xml}, an index with one sitemap per year that has messages;
 * and {@code /sitemaps/{year}.xml}, every visible article and event of that year in each
 * of its languages with when it last changed. Built from search-service's public answers
 * (the archive's months, then the year's search paged by cursor).
 */
@Component
class Sitemaps {

	/** Fewer than the protocol's 50,000 addresses a file. */
	private static final int MAX_PER_YEAR = 45_000;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final MediaType XML = new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8);

	private static final CacheControl CACHED = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

	private final SiteProperties site;

	private final Words words;

	private final UpstreamReads search;

	Sitemaps(SiteProperties site, Words words, UpstreamReads search) {
		this.site = site;
		this.words = words;
		this.search = search;
	}

	Mono<ServerResponse> robots(ServerRequest request) {
		String robots = "User-agent: *\nDisallow: /api/\nDisallow: /search\n\nSitemap: "
				+ this.site.absolute("/sitemap.xml") + "\n";
		return ServerResponse.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.cacheControl(CACHED)
			.bodyValue(robots);
	}

	Mono<ServerResponse> index(ServerRequest request) {
		return get(uri("/api/v1/archive/months").build().toUri()).map((months) -> {
			TreeSet<Integer> years = new TreeSet<>();
			for (JsonNode month : months) {
				years.add(month.path("year").asInt());
			}
			StringBuilder xml = new StringBuilder(
					"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
			for (int year : years.descendingSet()) {
				xml.append("<sitemap><loc>")
					.append(escape(this.site.absolute("/sitemaps/" + year + ".xml")))
					.append("</loc></sitemap>\n");
			}
			return xml.append("</sitemapindex>\n").toString();
		}).flatMap(Sitemaps::xml).onErrorResume((ex) -> unavailable());
	}

	Mono<ServerResponse> year(ServerRequest request) {
		int year;
		try {
			year = Integer.parseInt(request.pathVariable("year"));
		}
		catch (NumberFormatException ex) {
			return ServerResponse.notFound().build();
		}
		URI first = uri("/api/v1/search").queryParam("year", year)
			.queryParam("order", "newest")
			.queryParam("paging", "cursor")
			.queryParam("size", 100)
			.build()
			.toUri();
		return get(first).expand((page) -> {
			String cursor = ItemView.text(page, "nextCursor", null);
			return (cursor != null) ? get(
					uri("/api/v1/search").queryParam("cursor", "{cursor}").encode().buildAndExpand(cursor).toUri())
					: Mono.empty();
		})
			.flatMapIterable((page) -> page.path("results"))
			.take(MAX_PER_YEAR)
			.collectList()
			.map(this::urlset)
			.flatMap(Sitemaps::xml)
			.onErrorResume((ex) -> unavailable());
	}

	private String urlset(List<JsonNode> items) {
		StringBuilder xml = new StringBuilder(
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		for (JsonNode item : items) {
			String type = ItemView.text(item, "type", "article");
			String id = ItemView.text(item, "id", null);
			String locale = ItemView.text(item, "locale", this.words.defaultLocale());
			if (id == null) {
				continue;
			}
			String path = ("event".equals(type) ? "/events/" : "/articles/")
					+ UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
			xml.append("<url><loc>")
				.append(escape(this.site.absolute(Page.link(path, locale, this.words.defaultLocale()))))
				.append("</loc>");
			String updated = ItemView.text(item, "updatedAt", null);
			if (updated != null) {
				xml.append("<lastmod>").append(escape(updated)).append("</lastmod>");
			}
			xml.append("</url>\n");
		}
		return xml.append("</urlset>\n").toString();
	}

	private Mono<JsonNode> get(URI uri) {
		return this.search.get(uri, TIMEOUT);
	}

	private UriComponentsBuilder uri(String path) {
		return this.search.uri(path);
	}

	private static Mono<ServerResponse> xml(String body) {
		return ServerResponse.ok().contentType(XML).cacheControl(CACHED).bodyValue(body);
	}

	private static Mono<ServerResponse> unavailable() {
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "30").build();
	}

	private static String escape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&apos;");
	}

}
