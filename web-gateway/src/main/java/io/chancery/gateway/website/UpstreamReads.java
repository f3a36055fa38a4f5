package io.chancery.gateway.website;

import java.net.URI;
import java.time.Duration;

import io.chancery.gateway.routing.UpstreamProperties;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the server-rendered pages read from the services: their public answers, straight
 * from the service (the pages are already behind the gateway's own limits), timed as
 * {@code chancery.website.upstream.requests}.
 */
@Component
class UpstreamReads {

	private final WebClient client;

	private final UpstreamProperties upstreams;

	UpstreamReads(WebClient.Builder builder, UpstreamProperties upstreams) {
		this.client = builder
			.observationConvention(new DefaultClientRequestObservationConvention("chancery.website.upstream.requests"))
			.build();
		this.upstreams = upstreams;
	}

	/** An address of search-service's API. */
	UriComponentsBuilder uri(String path) {
		return UriComponentsBuilder.fromUri(this.upstreams.search()).path(path);
	}

	/** An address of counter-service's API. */
	UriComponentsBuilder counter(String path) {
		return UriComponentsBuilder.fromUri(this.upstreams.counter()).path(path);
	}

	/** The JSON answer, or the client's error for a 4xx or 5xx. */
	Mono<JsonNode> get(URI uri, Duration timeout) {
		return this.client.get().uri(uri).retrieve().bodyToMono(JsonNode.class).timeout(timeout);
	}

}
