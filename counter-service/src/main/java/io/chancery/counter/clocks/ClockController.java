package io.chancery.counter.clocks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.chancery.counter.counters.CounterRegistry;
import io.chancery.counter.web.ContentProperties;
import io.chancery.counter.web.Parameters;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The site's clock cities for a locale, then any zones the caller names. */
@RestController
class ClockController {

	private final CounterRegistry registry;

	private final Clock clock;

	private final Set<String> locales;

	ClockController(CounterRegistry registry, Clock clock, ContentProperties properties) {
		this.registry = registry;
		this.clock = clock;
		this.locales = Set.copyOf(properties.locales());
	}

	@GetMapping("/api/v1/clocks")
	Readings clocks(@RequestParam(required = false) @Nullable String locale,
			@RequestParam(required = false) @Nullable String zones,
			@RequestParam(required = false) @Nullable String at) {
		Instant instant = Parameters.at(at, this.clock);
		String language = Parameters.locale(locale, this.locales);
		Locale textLocale = Locale.forLanguageTag(language);
		List<ClockReading> readings = new ArrayList<>();
		this.registry.site(language)
			.ifPresent((site) -> site.clocks()
				.forEach((city) -> readings
					.add(Clocks.read(city.name(), Parameters.zone(city.timeZone(), "site"), instant, textLocale))));
		for (ZoneId zone : Parameters.zones(zones)) {
			readings.add(Clocks.read(zone.getId(), zone, instant, textLocale));
		}
		return new Readings(instant, readings);
	}

	/**
	 * Clocks at one instant.
	 *
	 * @param at the instant read
	 * @param clocks the site's cities, then the zones asked for
	 */
	record Readings(Instant at, List<ClockReading> clocks) {
	}

}
