package io.chancery.counter.counters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.chancery.counter.web.ContentProperties;
import io.chancery.counter.web.Parameters;
import io.chancery.web.ProblemDocumentation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Counters evaluated now or at any instant ({@code at=}), so a page can be reproduced for
 * a past date.
 */
@RestController
class CounterController {

	private final CounterRegistry registry;

	private final Clock clock;

	private final Set<String> locales;

	CounterController(CounterRegistry registry, Clock clock, ContentProperties properties) {
		this.registry = registry;
		this.clock = clock;
		this.locales = Set.copyOf(properties.locales());
	}

	@GetMapping("/api/v1/counters")
	Counters counters(@RequestParam(required = false) @Nullable String locale,
			@RequestParam(required = false) @Nullable String at) {
		Instant instant = Parameters.at(at, this.clock);
		String chosen = Parameters.locale(locale, this.locales);
		return new Counters(instant, chosen,
				this.registry.counters(chosen, instant)
					.stream()
					.map((event) -> CounterEvaluator.evaluate(event, instant))
					.toList());
	}

	@GetMapping("/api/v1/counters/{id}")
	@ApiResponse(responseCode = "404", description = "No such counter in this locale at this instant",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = ProblemDocumentation.REF)))
	CounterView counter(@PathVariable String id, @RequestParam(required = false) @Nullable String locale,
			@RequestParam(required = false) @Nullable String at) {
		Instant instant = Parameters.at(at, this.clock);
		String chosen = Parameters.locale(locale, this.locales);
		return this.registry.counter(id, chosen, instant)
			.map((event) -> CounterEvaluator.evaluate(event, instant))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No counter " + id + " in " + chosen + " at " + instant));
	}

	/**
	 * The counters of a locale at one instant.
	 *
	 * @param at the instant evaluated
	 * @param locale the locale
	 * @param counters the counters, newest event first
	 */
	record Counters(Instant at, String locale, List<CounterView> counters) {
	}

}
