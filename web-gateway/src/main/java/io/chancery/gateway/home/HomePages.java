package io.chancery.gateway.home;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chancery.gateway.web.EntityTags;
import io.chancery.gateway.web.Freshness;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Home answers as sent: composed, written as JSON once, tagged. The answer for now is
 * shared per locale by the requests of its short lifetime: the home page is the busiest
 * route and asks three services, so one composition serves a burst of requests and
 * concurrent requests wait for the same one.
 */
@Component
class HomePages {

	/** Locales are few; more distinct values than this are someone probing. */
	private static final int MAX_SHARED = 16;

	private final HomeComposer composer;

	private final HomeProperties properties;

	private final Clock clock;

	private final JsonMapper json;

	private final Map<String, Mono<Rendered>> shared = new ConcurrentHashMap<>();

	HomePages(HomeComposer composer, HomeProperties properties, Clock clock, JsonMapper json) {
		this.composer = composer;
		this.properties = properties;
		this.clock = clock;
		this.json = json;
	}

	/** The answer for now, shared. */
	Mono<Rendered> now(String language) {
		if (this.properties.sharedFor().isZero()
				|| (this.shared.size() >= MAX_SHARED && !this.shared.containsKey(language))) {
			return at(language, this.clock.instant());
		}
		return this.shared.computeIfAbsent(language, (key) -> Mono.defer(() -> at(key, this.clock.instant()))
			// Kept while complete, for sharedFor but never past the local midnight that
			// changes the date and the counters; a missing part is asked again at once.
			.cache((page) -> page.complete() ? keepFor(page) : Duration.ZERO, (ex) -> Duration.ZERO,
					() -> Duration.ZERO));
	}

	/** The answer as of {@code instant}, composed for this request alone. */
	Mono<Rendered> at(String language, Instant instant) {
		return this.composer.compose(language, instant).map((home) -> {
			byte[] body = this.json.writeValueAsBytes(home);
			return new Rendered(body, EntityTags.of(body), ZoneId.of(home.zone()), home.unavailable().isEmpty());
		});
	}

	/**
	 * How long a client and caches may keep {@code page}: complete, until the next local
	 * midnight and at most the configured age; with a part missing, not at all.
	 */
	String cacheControl(Rendered page) {
		return page.complete() ? Freshness.untilMidnight(this.clock.instant(), page.zone(), this.properties.maxAge())
				: "no-cache";
	}

	private Duration keepFor(Rendered page) {
		Instant now = this.clock.instant();
		Instant midnight = now.atZone(page.zone()).toLocalDate().plusDays(1).atStartOfDay(page.zone()).toInstant();
		Duration untilMidnight = Duration.between(now, midnight);
		return (untilMidnight.compareTo(this.properties.sharedFor()) < 0) ? untilMidnight : this.properties.sharedFor();
	}

	/** A composed answer as sent: its bytes and entity tag. */
	record Rendered(byte[] body, String tag, ZoneId zone, boolean complete) {
	}

}
