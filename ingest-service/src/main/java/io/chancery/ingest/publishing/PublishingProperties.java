package io.chancery.ingest.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a write may wait for Kafka's acknowledgement before the client is told to
 * retry.
 *
 * @param acknowledgementTimeout the longest a request waits for acks=all; past it the
 * answer is 503
 * @param retryAfter what the 503 answer's Retry-After says
 */
@ConfigurationProperties("chancery.publishing")
record PublishingProperties(@DefaultValue("10s") Duration acknowledgementTimeout,
		@DefaultValue("5s") Duration retryAfter) {
}
