package io.chancery.gateway.limits;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits per client (an API key, a token's subject, or else the address the
 * request came from) and per request.
 *
 * @param readsPerMinute public reads a client may make per minute (and in a burst)
 * @param writesPerMinute writes a client may make per minute
 * @param exportsPerMinute exports a client may start per minute
 * @param cursorsPerMinute cursors ({@code paging=cursor}) a client may open per minute
 * @param streamsPerClient event streams a client may hold open at once
 * @param maxBodySize the largest body of a write
 * @param maxImportSize the largest body of an import
 * @param concurrentWrites content writes this gateway passes on at once; one more is
 * refused (503) before its body is read
 * @param writeRetryAfter what a refused write is told to wait before it tries again
 * @param trustedProxies addresses or CIDR ranges of the proxies in front of the gateway,
 * whose {@code X-Forwarded-For} names the client; empty when clients connect directly
 */
@ConfigurationProperties("chancery.limits")
public record LimitProperties(@DefaultValue("600") long readsPerMinute, @DefaultValue("120") long writesPerMinute,
		@DefaultValue("10") long exportsPerMinute, @DefaultValue("30") long cursorsPerMinute,
		@DefaultValue("4") int streamsPerClient, @DefaultValue("2MB") DataSize maxBodySize,
		@DefaultValue("512MB") DataSize maxImportSize, @DefaultValue("64") int concurrentWrites,
		@DefaultValue("1s") Duration writeRetryAfter, @DefaultValue List<String> trustedProxies) {
}
