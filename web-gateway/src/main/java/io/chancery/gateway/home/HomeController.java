package io.chancery.gateway.home;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.chancery.gateway.web.SiteProperties;
import io.chancery.gateway.web.EntityTags;
import io.chancery.web.InvalidParameter;
import io.chancery.web.ProblemDocumentation;
import io.chancery.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import io.chancery.gateway.home.HomePages.Rendered;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** {@code GET /api/v1/home}: all the home page's data in one call. */
@RestController
@Tag(name = "Home", description = "The home page's data in one call")
class HomeController {

	private static final QueryParameters PARAMETERS = QueryParameters.single("locale", "at");

	private final HomePages pages;

	private final SiteProperties site;

	HomeController(HomePages pages, SiteProperties site) {
		this.pages = pages;
		this.site = site;
	}

	@GetMapping(path = "/api/v1/home", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Everything the home page shows",
			description = "Today's date, the site's clocks, consular contacts, counters, the featured speech, "
					+ "interview or article in full, and the latest events. The services are asked in parallel; a "
					+ "part whose service is down or slow is null and listed in 'unavailable', never a 5xx.")
	@ApiResponse(responseCode = "400",
			description = "A parameter is unknown, given twice or malformed; the problem names it and lists what "
					+ "is accepted",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = ProblemDocumentation.REF)))
	Mono<ResponseEntity<byte[]>> home(ServerWebExchange exchange,
			@Parameter(
					description = "one of the site's locales (chancery.site.locales); default its first") @RequestParam(
							required = false) @Nullable String locale,
			@Parameter(
					description = "the instant to show, ISO-8601 (for previews and tests); default now") @RequestParam(
							required = false) @Nullable String at,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		PARAMETERS.check(exchange.getRequest().getQueryParams());
		String language = (locale == null || locale.isBlank()) ? this.site.defaultLocale() : locale.strip();
		if (!this.site.speaks(language)) {
			throw new InvalidParameter("locale", "names '" + language + "', which is not a locale of this site",
					this.site.locales());
		}
		Mono<Rendered> rendered = (at != null) ? this.pages.at(language, instant(at)) : this.pages.now(language);
		return rendered.map((page) -> {
			String cacheControl = this.pages.cacheControl(page);
			if (EntityTags.matches(ifNoneMatch, page.tag())) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
					.eTag(page.tag())
					.header(HttpHeaders.CACHE_CONTROL, cacheControl)
					.build();
			}
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.eTag(page.tag())
				.header(HttpHeaders.CACHE_CONTROL, cacheControl)
				.body(page.body());
		});
	}

	private static Instant instant(String at) {
		try {
			return OffsetDateTime.parse(at).toInstant();
		}
		catch (DateTimeException ex) {
			try {
				return Instant.parse(at);
			}
			catch (DateTimeException again) {
				throw new InvalidParameter("at", "names '" + at + "', which is not an instant",
						List.of("2024-06-12T09:30:00Z", "2024-06-12T12:30:00+03:00"));
			}
		}
	}

}
