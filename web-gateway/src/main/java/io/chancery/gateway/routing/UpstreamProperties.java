package io.chancery.gateway.routing;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services are, and how long the gateway waits for them.
 *
 * @param ingest ingest-service's base URI
 * @param search search-service's base URI
 * @param counter counter-service's base URI
 * @param timeout the longest wait for an answer to a change; streams, exports and imports
 * have none
 * @param readTimeout the longest wait for one attempt of a read: a read the service did
 * not answer in it (a paused replica still accepts connections) is sent once more, on a
 * new connection, so a read waits at most twice this; above the services' own bounds for
 * a read, so their answers are the ones clients get
 */
@ConfigurationProperties("chancery.upstreams")
public record UpstreamProperties(@DefaultValue("http://127.0.0.1:8081") URI ingest,
		@DefaultValue("http://127.0.0.1:8082") URI search, @DefaultValue("http://127.0.0.1:8083") URI counter,
		@DefaultValue("10s") Duration timeout, @DefaultValue("4s") Duration readTimeout) {
}
