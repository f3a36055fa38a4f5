package io.chancery.ingest.site;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.chancery.contracts.SiteDetails;
import io.chancery.ingest.validation.ContentProperties;
import io.chancery.ingest.validation.HtmlSanitizer;
import io.chancery.ingest.validation.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns an editor's site details into the {@link SiteDetails} message, after checking
 * every rule.
 */
@Component
class SiteChanges {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

	private static final Pattern PHONE = Pattern.compile("[+0-9][0-9 ()./-]{2,40}");

	private final Set<String> locales;

	private final Clock clock;

	SiteChanges(ContentProperties properties, Clock clock) {
		this.locales = Set.copyOf(properties.locales());
		this.clock = clock;
	}

	void validate(SiteRequest request, String locale) {
		Violations violations = new Violations().requireLocale(locale, "locale", this.locales)
			.requireText(HtmlSanitizer.plain(request.name()), "name", 300)
			.require(request.contacts() == null || request.contacts().size() <= 50, "contacts",
					"has more than 50 entries")
			.require(request.clocks() == null || request.clocks().size() <= 12, "clocks", "has more than 12 entries");
		if (request.featuredArticleId() != null) {
			violations.requireId(request.featuredArticleId(), "featuredArticleId");
		}
		List<SiteRequest.Contact> contacts = Objects.requireNonNullElse(request.contacts(), List.of());
		for (int i = 0; i < contacts.size(); i++) {
			SiteRequest.Contact contact = contacts.get(i);
			String field = "contacts[" + i + "]";
			if (contact == null) {
				violations.require(false, field, "is empty");
				continue;
			}
			violations.requireText(contact.title(), field + ".title", 200)
				.texts(contact.phones(), field + ".phones", 10, 50)
				.texts(contact.emails(), field + ".emails", 10, 320)
				.optionalText(contact.address(), field + ".address", 1_000)
				.optionalText(contact.hours(), field + ".hours", 1_000);
			List<String> phones = Objects.requireNonNullElse(contact.phones(), List.of());
			for (int p = 0; p < phones.size(); p++) {
				violations.require(phones.get(p) == null || PHONE.matcher(phones.get(p)).matches(),
						field + ".phones[" + p + "]", "must be a phone number such as +44 20 7000 0000");
			}
			List<String> emails = Objects.requireNonNullElse(contact.emails(), List.of());
			for (int e = 0; e < emails.size(); e++) {
				violations.require(emails.get(e) == null || EMAIL.matcher(emails.get(e)).matches(),
						field + ".emails[" + e + "]", "must be an e-mail address");
			}
		}
		List<SiteRequest.Clock> clocks = Objects.requireNonNullElse(request.clocks(), List.of());
		for (int i = 0; i < clocks.size(); i++) {
			SiteRequest.Clock clock = clocks.get(i);
			String field = "clocks[" + i + "]";
			if (clock == null) {
				violations.require(false, field, "is empty");
				continue;
			}
			violations.requireText(clock.name(), field + ".name", 100)
				.requireZone(clock.timeZone(), field + ".timeZone");
		}
		violations.throwIfAny();
	}

	SiteDetails details(SiteRequest request, String locale, long revision) {
		List<SiteDetails.ConsularContact> contacts = Objects
			.requireNonNullElse(request.contacts(), List.<SiteRequest.Contact>of())
			.stream()
			.map((contact) -> new SiteDetails.ConsularContact(
					Objects.requireNonNull(HtmlSanitizer.plain(contact.title())), plain(contact.phones()),
					plain(contact.emails()), HtmlSanitizer.plain(contact.address()),
					HtmlSanitizer.plain(contact.hours())))
			.toList();
		List<SiteDetails.ClockCity> clocks = Objects.requireNonNullElse(request.clocks(), List.<SiteRequest.Clock>of())
			.stream()
			.map((clock) -> new SiteDetails.ClockCity(Objects.requireNonNull(HtmlSanitizer.plain(clock.name())),
					Objects.requireNonNull(clock.timeZone())))
			.toList();
		return new SiteDetails(locale, revision, Objects.requireNonNull(HtmlSanitizer.plain(request.name())), contacts,
				clocks, this.clock.instant(), request.featuredArticleId());
	}

	private static List<String> plain(@Nullable List<String> values) {
		return (values != null) ? values.stream().map(HtmlSanitizer::plain).filter(Objects::nonNull).toList()
				: List.of();
	}

}
