package io.chancery.gateway.website;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The institution's name in each language, from its site details (counter-service), for
 * the pages' titles, previews and header: kept for a minute, as the API keeps site
 * details. Without an answer the pages use the site's word for its name.
 */
@Component
class SiteNames {

	private static final Duration KEPT = Duration.ofMinutes(1);

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private final Cache<String, Optional<String>> names = Caffeine.newBuilder()
		.expireAfterWrite(KEPT)
		.maximumSize(64)
		.build();

	private final UpstreamReads reads;

	SiteNames(UpstreamReads reads) {
		this.reads = reads;
	}

	/** The name in {@code locale}, or empty when its site details cannot be had. */
	Mono<Optional<String>> of(String locale) {
		Optional<String> known = this.names.getIfPresent(locale);
		if (known != null) {
			return Mono.just(known);
		}
		return this.reads.get(this.reads.counter("/api/v1/site").queryParam("locale", locale).build().toUri(), TIMEOUT)
			.map((site) -> Optional.ofNullable(ItemView.text(site, "name", null)))
			.doOnNext((name) -> this.names.put(locale, name))
			// Not kept: the next page asks again.
			.onErrorResume((ex) -> Mono.just(Optional.empty()))
			.defaultIfEmpty(Optional.empty());
	}

}
