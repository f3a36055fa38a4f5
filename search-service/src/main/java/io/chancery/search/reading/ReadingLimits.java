package io.chancery.search.reading;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What anonymous reads may hold on this service at once, so that no caller, and no crowd
 * of callers, can tie up Elasticsearch. Per-client budgets are the gateway's; these are
 * the service's totals. Reached, a read is answered 503 with Retry-After.
 *
 * @param cursorKeepAlive how long a cursor (an Elasticsearch point in time) stays open
 * after its last page was read
 * @param maxOpenCursors the most cursors open at once, exports included
 * @param maxExports the most exports running at once
 * @param maxExportRows the most results one export may have; a larger search is refused
 * before anything is sent
 * @param maxExportTime the longest one export may run; one that runs longer is cut off,
 * never ended as if it were whole
 */
@ConfigurationProperties("chancery.reading.limits")
public record ReadingLimits(@DefaultValue("60s") Duration cursorKeepAlive, @DefaultValue("200") int maxOpenCursors,
		@DefaultValue("4") int maxExports, @DefaultValue("100000") long maxExportRows,
		@DefaultValue("5m") Duration maxExportTime) {
}
