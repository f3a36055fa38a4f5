package io.chancery.gateway.web;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The institution's own zone: where "today" is, and whose midnight makes counters change,
 * when the site details name no clock city.
 *
 * @param zone the zone
 */
@ConfigurationProperties("chancery.site")
public record SiteProperties(@DefaultValue("UTC") ZoneId zone) {
}
