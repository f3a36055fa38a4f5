package io.chancery.gateway.home;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the home page is composed.
 *
 * @param partTimeout the longest wait for one part; a slower part is marked unavailable
 * @param maxAge how long browsers and caches may keep the answer, never past midnight
 * @param sharedFor how long one composed answer (for now, not for an {@code at}) serves
 * every request for its locale, never past midnight and never when a part is missing;
 * zero composes every request anew
 */
@ConfigurationProperties("chancery.home")
record HomeProperties(@DefaultValue("1500ms") Duration partTimeout, @DefaultValue("30s") Duration maxAge,
		@DefaultValue("500ms") Duration sharedFor) {
}
