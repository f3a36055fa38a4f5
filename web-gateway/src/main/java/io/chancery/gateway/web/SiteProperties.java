package io.chancery.gateway.web;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The institution's own zone and the site's public address.
 *
 * @param zone where "today" is, and whose midnight makes counters change, when the site
 * details name no clock city
 * @param publicUrl the address readers use, without a trailing slash: the start of every
 * absolute link the pages give (canonical addresses, alternates, previews, the sitemap)
 * @param locales the languages the site speaks, the default first: the same list the
 * services publish and answer in ({@code CHANCERY_LOCALES})
 */
@ConfigurationProperties("chancery.site")
public record SiteProperties(@DefaultValue("UTC") ZoneId zone, @DefaultValue("http://localhost:8080") URI publicUrl,
		@DefaultValue( {
				"en", "ru" }) List<String> locales){

	public SiteProperties {
		if (locales.isEmpty()) {
			throw new IllegalArgumentException("chancery.site.locales names no language");
		}
		locales = List.copyOf(locales);
	}

	/** The language of a request that names none. */
	public String defaultLocale() {
		return this.locales.getFirst();
	}

	/** Whether the site speaks {@code locale}. */
	public boolean speaks(String locale) {
		return this.locales.contains(locale);
	}

	/** The absolute address of a path of the site. */
	public String absolute(String path) {
		String base = this.publicUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
