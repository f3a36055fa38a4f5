package io.chancery.search.reading;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How reads are answered.
 *
 * @param zone the zone dates, months and histogram buckets are read in when a request
 * names none
 * @param defaultLocale the locale an item is looked up in when a request names none
 * @param locales the locales the site publishes in; a filter on any other is refused
 * @param feedSize entries per page of an Atom feed
 * @param siteUrl the public website's address, for every absolute link an answer carries
 * (feeds)
 * @param siteName the institution's name, the feeds' author
 */
@ConfigurationProperties("chancery.reading")
public record ReadingProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("en") String defaultLocale,
		@DefaultValue( {
				"en", "ru" }) java.util.List<String> locales,
		@DefaultValue("20") int feedSize, @DefaultValue("http://localhost:8080") String siteUrl,
		@DefaultValue("Chancery") String siteName){
}
