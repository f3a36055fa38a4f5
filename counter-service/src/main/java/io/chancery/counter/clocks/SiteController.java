package io.chancery.counter.clocks;

import io.chancery.contracts.SiteDetails;
import io.chancery.counter.counters.CounterRegistry;
import io.chancery.counter.web.ContentProperties;
import io.chancery.counter.web.Parameters;
import io.chancery.web.ProblemDocumentation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The site details of a locale as last published: the institution's name, consular
 * contacts and clock cities. This service follows the site-details topic for its clocks,
 * so it answers this read too.
 */
@RestController
class SiteController {

	private final CounterRegistry registry;

	private final java.util.Set<String> locales;

	SiteController(CounterRegistry registry, ContentProperties properties) {
		this.registry = registry;
		this.locales = java.util.Set.copyOf(properties.locales());
	}

	@GetMapping("/api/v1/site")
	@ApiResponse(responseCode = "404", description = "No site details published for this locale",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = ProblemDocumentation.REF)))
	ResponseEntity<?> site(@RequestParam(required = false) @Nullable String locale) {
		String language = Parameters.locale(locale, this.locales);
		return this.registry.site(language)
			.<ResponseEntity<?>>map((SiteDetails site) -> ResponseEntity.ok(site))
			.orElseGet(() -> {
				ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
						"No site details have been published for locale '" + language + "'");
				problem.setTitle("Not found");
				return ResponseEntity.status(HttpStatus.NOT_FOUND)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			});
	}

}
