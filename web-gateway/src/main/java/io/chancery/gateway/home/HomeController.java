package io.chancery.gateway.home;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.chancery.gateway.web.EntityTags;
import io.chancery.gateway.web.Freshness;
import io.chancery.gateway.web.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

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

	private static final Set<String> PARAMETERS = Set.of("locale", "at");

	/** Locales are few; more distinct values than this are someone probing. */
	private static final int MAX_SHARED = 16;

	private final HomeComposer composer;

	private final HomeProperties properties;

	private final Clock clock;

	private final JsonMapper json;

	/**
	 * The answer for now, per locale, shared by the requests of its short lifetime: the
	 * home page is the busiest route and asks three services, so one composition serves a
	 * burst of requests and concurrent requests wait for the same one.
	 */
	private final Map<String, Mono<Rendered>> shared = new ConcurrentHashMap<>();

	HomeController(HomeComposer composer, HomeProperties properties, Clock clock, JsonMapper json) {
		this.composer = composer;
		this.properties = properties;
		this.clock = clock;
		this.json = json;
	}

	@GetMapping(path = "/api/v1/home", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Everything the home page shows",
			description = "Today's date, the site's clocks, consular contacts, counters, the featured speech, "
					+ "interview or article in full, and the latest events. The services are asked in parallel; a "
					+ "part whose service is down or slow is null and listed in 'unavailable', never a 5xx.")
	Mono<ResponseEntity<byte[]>> home(ServerWebExchange exchange,
			@Parameter(description = "en or ru; default en") @RequestParam(required = false) @Nullable String locale,
			@Parameter(
					description = "the instant to show, ISO-8601 (for previews and tests); default now") @RequestParam(
							required = false) @Nullable String at,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		for (String name : exchange.getRequest().getQueryParams().keySet()) {
			if (!PARAMETERS.contains(name)) {
				throw new InvalidParameter(name, "is not a parameter of this route", List.of("locale", "at"));
			}
		}
		String language = (locale == null || locale.isBlank()) ? "en" : locale.strip();
		if (!language.matches("[a-z]{2}(-[A-Z]{2})?")) {
			throw new InvalidParameter("locale", "is not a locale", List.of("en", "ru"));
		}
		Mono<Rendered> rendered = (at != null) ? render(language, instant(at)) : now(language);
		return rendered.map((page) -> {
			String cacheControl = page.complete()
					? Freshness.untilMidnight(this.clock.instant(), page.zone(), this.properties.maxAge()) : "no-cache";
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

	private Mono<Rendered> now(String language) {
		if (this.properties.sharedFor().isZero()
				|| (this.shared.size() >= MAX_SHARED && !this.shared.containsKey(language))) {
			return render(language, this.clock.instant());
		}
		return this.shared.computeIfAbsent(language, (key) -> Mono.defer(() -> render(key, this.clock.instant()))
			// Kept while complete, for sharedFor but never past the local midnight that
			// changes the date and the counters; a missing part is asked again at once.
			.cache((page) -> page.complete() ? keepFor(page) : Duration.ZERO, (ex) -> Duration.ZERO,
					() -> Duration.ZERO));
	}

	private Duration keepFor(Rendered page) {
		Instant now = this.clock.instant();
		Instant midnight = now.atZone(page.zone()).toLocalDate().plusDays(1).atStartOfDay(page.zone()).toInstant();
		Duration untilMidnight = Duration.between(now, midnight);
		return (untilMidnight.compareTo(this.properties.sharedFor()) < 0) ? untilMidnight : this.properties.sharedFor();
	}

	private Mono<Rendered> render(String language, Instant instant) {
		return this.composer.compose(language, instant).map((home) -> {
			byte[] body = this.json.writeValueAsBytes(home);
			return new Rendered(body, EntityTags.of(body), ZoneId.of(home.zone()), home.unavailable().isEmpty());
		});
	}

	/** A composed answer as sent: its bytes and entity tag. */
	private record Rendered(byte[] body, String tag, ZoneId zone, boolean complete) {
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
				throw new InvalidParameter("at", "is not an instant: '" + at + "'",
						List.of("2024-06-12T09:30:00Z", "2024-06-12T12:30:00+03:00"));
			}
		}
	}

}
