package io.chancery.counter.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The event stream's bounds.
 *
 * @param maxConnections the most streams one instance holds open; one more is 503 with
 * Retry-After (per client, the gateway's limit applies first)
 * @param heartbeat how often an idle stream gets a comment, below the idle timeout of the
 * proxies in between (60 s is common)
 */
@ConfigurationProperties("chancery.stream")
record StreamProperties(@DefaultValue("1000") int maxConnections, @DefaultValue("20s") Duration heartbeat) {
}
