package io.chancery.ingest.site;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Site details as an editor sends them for one locale.
 *
 * @param name the institution's name
 * @param contacts consular contacts, in display order
 * @param clocks the cities whose clocks the site shows, in display order
 * @param featuredArticleId the article the home page features whatever is newer; none to
 * feature the newest speech, interview or article
 */
record SiteRequest(@Nullable String name, @Nullable List<Contact> contacts, @Nullable List<Clock> clocks,
		@Nullable String featuredArticleId) {

	/**
	 * A consular contact.
	 *
	 * @param title what it is for
	 * @param phones phone numbers
	 * @param emails e-mail addresses
	 * @param address postal address
	 * @param hours opening hours
	 */
	record Contact(@Nullable String title, @Nullable List<String> phones, @Nullable List<String> emails,
			@Nullable String address, @Nullable String hours) {
	}

	/**
	 * A clock city.
	 *
	 * @param name the city's name in this locale
	 * @param timeZone its IANA zone
	 */
	record Clock(@Nullable String name, @Nullable String timeZone) {
	}

}
