package io.chancery.gateway.home;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.chancery.gateway.routing.UpstreamProperties;
import io.chancery.gateway.web.SiteProperties;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks the services for the home page's parts in parallel, each with a timeout and behind
 * its service's circuit breaker, so one slow or dead service costs its part of the page
 * and nothing else.
 */
@Component
class HomeComposer {

	/** How many of the latest events the page shows. */
	private static final int LATEST = 10;

	/** How many upcoming events it shows. */
	private static final int UPCOMING = 5;

	/** Marks a part whose service failed, as opposed to one that is simply empty. */
	private static final JsonNode FAILED = NullNode.getInstance();

	private final WebClient client;

	private final UpstreamProperties upstreams;

	private final ReactiveCircuitBreakerFactory<?, ?> breakers;

	private final SiteProperties site;

	private final Duration timeout;

	HomeComposer(WebClient.Builder builder, UpstreamProperties upstreams, ReactiveCircuitBreakerFactory<?, ?> breakers,
			SiteProperties site, HomeProperties properties) {
		// Named apart from the proxied requests' http.client.requests, whose tags differ.
		this.client = builder
			.observationConvention(new DefaultClientRequestObservationConvention("chancery.home.upstream.requests"))
			.build();
		this.upstreams = upstreams;
		this.breakers = breakers;
		this.site = site;
		this.timeout = properties.partTimeout();
	}

	/**
	 * The home page as of {@code at}: clocks and counters at that instant, the featured
	 * item the newest published by then, and the events on or before that day in the
	 * institution's zone, with those after it as upcoming. An article an editor pinned in
	 * the site details is featured instead of the newest, from the moment it was
	 * published. Only what is public now is shown: the services answer anonymously.
	 */
	Mono<Home> compose(String locale, Instant at) {
		URI counter = this.upstreams.counter();
		URI search = this.upstreams.search();
		Mono<Optional<JsonNode>> site = part("counter-service",
				uri(counter, "/api/v1/site").queryParam("locale", locale).build().toUri())
			.cache();
		Mono<Optional<JsonNode>> clocks = part("counter-service",
				uri(counter, "/api/v1/clocks").queryParam("locale", locale)
					.queryParam("at", at.toString())
					.build()
					.toUri());
		Mono<Optional<JsonNode>> counters = part("counter-service",
				uri(counter, "/api/v1/counters").queryParam("locale", locale)
					.queryParam("at", at.toString())
					.build()
					.toUri());
		Mono<Optional<JsonNode>> newest = part("search-service",
				uri(search, "/api/v1/articles").queryParam("locale", locale)
					.queryParam("kind", "speech,interview,article")
					.queryParam("to", at.toString())
					.queryParam("size", 1)
					.build()
					.encode()
					.toUri())
			.flatMap((listing) -> full(listing, locale));
		// An article an editor pinned, once it was published; else the newest.
		Mono<Optional<JsonNode>> featured = site.flatMap((details) -> {
			String pin = details.map((node) -> node.path("featuredArticleId").asString(null)).orElse(null);
			if (pin == null) {
				return newest;
			}
			return part("search-service",
					uri(search, "/api/v1/articles/{id}").queryParam("locale", locale)
						.buildAndExpand(pin)
						.encode()
						.toUri())
				.flatMap((item) -> (item.isPresent() && item.get() != FAILED && publishedBy(item.get(), at))
						? Mono.just(item) : newest);
		});
		// Which day it is depends on the institution's zone, which its site details give.
		Mono<List<Optional<JsonNode>>> events = site.flatMap((details) -> {
			LocalDate today = LocalDate.ofInstant(at, zone(details.filter((node) -> node != FAILED).orElse(null)));
			// Event dates are calendar days: compared as days, in UTC.
			Mono<Optional<JsonNode>> latest = part("search-service",
					uri(search, "/api/v1/events").queryParam("locale", locale)
						.queryParam("date-field", "event")
						.queryParam("zone", "UTC")
						.queryParam("to", today.toString())
						.queryParam("size", LATEST)
						.build()
						.toUri());
			Mono<Optional<JsonNode>> upcoming = part("search-service",
					uri(search, "/api/v1/events").queryParam("locale", locale)
						.queryParam("date-field", "event")
						.queryParam("zone", "UTC")
						.queryParam("from", today.plusDays(1).toString())
						.queryParam("order", "oldest")
						.queryParam("size", UPCOMING)
						.build()
						.toUri());
			return Mono.zip(latest, upcoming).map((both) -> List.of(both.getT1(), both.getT2()));
		});
		return Mono.zip(site, clocks, counters, featured, events).map((parts) -> {
			List<String> unavailable = new ArrayList<>();
			JsonNode siteNode = value(parts.getT1(), "site", unavailable);
			JsonNode clockNode = value(parts.getT2(), "clocks", unavailable);
			JsonNode counterNode = value(parts.getT3(), "counters", unavailable);
			JsonNode featuredNode = value(parts.getT4(), "featured", unavailable);
			JsonNode eventNode = value(parts.getT5().get(0), "latestEvents", unavailable);
			JsonNode upcomingNode = value(parts.getT5().get(1), "upcomingEvents", unavailable);
			ZoneId zone = zone(siteNode);
			return new Home(locale, at, LocalDate.ofInstant(at, zone), zone.getId(), siteNode,
					(clockNode != null) ? clockNode.get("clocks") : null,
					(counterNode != null) ? counterNode.get("counters") : null, featuredNode,
					(eventNode != null) ? eventNode.get("results") : null,
					(upcomingNode != null) ? upcomingNode.get("results") : null, List.copyOf(unavailable));
		});
	}

	/**
	 * Whether an article's date (its publication, else its own date) is not after
	 * {@code at}.
	 */
	private static boolean publishedBy(JsonNode article, Instant at) {
		String date = article.path("publishedAt").asString(article.path("date").asString(null));
		try {
			return date == null || !OffsetDateTime.parse(date).toInstant().isAfter(at);
		}
		catch (DateTimeParseException ex) {
			return true;
		}
	}

	/** The listing's first item in full, or empty when there is none. */
	private Mono<Optional<JsonNode>> full(Optional<JsonNode> listing, String locale) {
		if (listing.isEmpty() || listing.get() == FAILED) {
			return Mono.just(listing);
		}
		JsonNode first = listing.get().path("results").path(0);
		if (first.isMissingNode()) {
			return Mono.just(Optional.empty());
		}
		return part("search-service",
				uri(this.upstreams.search(), "/api/v1/articles/" + first.get("id").asString())
					.queryParam("locale", locale)
					.build()
					.toUri());
	}

	/**
	 * One part: its JSON, empty when the service says there is nothing (a 4xx), or
	 * {@link #FAILED} when it failed or was too slow.
	 */
	private Mono<Optional<JsonNode>> part(String service, URI uri) {
		Mono<Optional<JsonNode>> call = this.client.get()
			.uri(uri)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.map(Optional::of)
			.onErrorResume(WebClientResponseException.class,
					(ex) -> ex.getStatusCode().is4xxClientError() ? Mono.just(Optional.empty()) : Mono.error(ex))
			.timeout(this.timeout);
		return this.breakers.create(service).run(call, (ex) -> Mono.just(Optional.of(FAILED)));
	}

	private ZoneId zone(@Nullable JsonNode site) {
		if (site != null) {
			JsonNode first = site.path("clocks").path(0).path("timeZone");
			if (first.isString()) {
				try {
					return ZoneId.of(first.asString());
				}
				catch (RuntimeException ex) {
					// Fall back to the configured zone.
				}
			}
		}
		return this.site.zone();
	}

	private static JsonNode value(Optional<JsonNode> part, String name, List<String> unavailable) {
		if (part.isPresent() && part.get() == FAILED) {
			unavailable.add(name);
			return null;
		}
		return part.orElse(null);
	}

	private static UriComponentsBuilder uri(URI base, String path) {
		return UriComponentsBuilder.fromUri(base).path(path);
	}

}
