package io.chancery.contracts;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The institution's name, consular contacts and clock cities, in one locale.
 * <p>
 * Topic {@code site-details}, key the locale, event type {@code site-details-updated}.
 * Each record replaces the previous one for its locale.
 *
 * @param locale the BCP 47 language tag of this version
 * @param revision higher than any earlier accepted version for this locale
 * @param name the institution's name
 * @param contacts consular contacts, in display order
 * @param clocks the cities whose clocks the site shows, in display order
 * @param updatedAt when this revision was accepted
 * @param featuredArticleId the article the home page features, pinned by an editor;
 * {@code null} (and absent from messages of older producers) when the newest speech,
 * interview or article is featured
 */
public record SiteDetails(String locale, long revision, String name, List<ConsularContact> contacts,
		List<ClockCity> clocks, Instant updatedAt, @Nullable String featuredArticleId) {

	public SiteDetails {
		contacts = (contacts != null) ? List.copyOf(contacts) : List.of();
		clocks = (clocks != null) ? List.copyOf(clocks) : List.of();
	}

	/**
	 * One consular contact.
	 *
	 * @param title what the contact is for, for example "Consular section"
	 * @param phones phone numbers in international form
	 * @param emails e-mail addresses
	 * @param address the postal address
	 * @param hours opening hours as shown to readers
	 */
	public record ConsularContact(String title, List<String> phones, List<String> emails, @Nullable String address,
			@Nullable String hours) {

		public ConsularContact {
			phones = (phones != null) ? List.copyOf(phones) : List.of();
			emails = (emails != null) ? List.copyOf(emails) : List.of();
		}

	}

	/**
	 * A city whose clock the site shows.
	 *
	 * @param name the city's name in this locale
	 * @param timeZone its IANA zone
	 */
	public record ClockCity(String name, String timeZone) {
	}

}
