package io.chancery.gateway.website;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One article or event as its page shows it, made from the public API's answer: the facts
 * in the reader's language, dates in the item's zone, links that keep the language. An
 * item that is not shown has only its status.
 *
 * @param status {@code published} or {@code withdrawn} for an item shown;
 * {@code missing}, {@code gone} or {@code unavailable} otherwise
 * @param type {@code article} or {@code event}
 * @param locale the item's language
 * @param kind its kind, in the reader's language
 * @param title its title
 * @param lead its lead
 * @param body its body, HTML sanitised when it was published
 * @param facts when, where, who and what about
 * @param withdrawal that it was withdrawn, and when
 * @param withdrawalNote why
 * @param counterCaption an event's counter caption
 * @param relatedArticle the address of an event's article
 * @param sourceUrl where it was first published
 */
public record ItemView(String status, String type, String locale, @Nullable String kind, String title,
		@Nullable String lead, String body, List<Fact> facts, @Nullable String withdrawal,
		@Nullable String withdrawalNote, @Nullable String counterCaption, @Nullable String relatedArticle,
		@Nullable String sourceUrl, @Nullable String update, @Nullable String preview) {

	/** The same item shown through a preview link, under the note that says so. */
	ItemView previewed(String note) {
		return new ItemView(this.status, this.type, this.locale, this.kind, this.title, this.lead, this.body,
				this.facts, this.withdrawal, this.withdrawalNote, this.counterCaption, this.relatedArticle,
				this.sourceUrl, this.update, note);
	}

	static ItemView notShown(String status, String type, String locale) {
		return new ItemView(status, type, locale, null, "", null, "", List.of(), null, null, null, null, null, null,
				null);
	}

	static ItemView of(JsonNode item, Words.In words, ZoneId siteZone, String defaultLocale) {
		String type = text(item, "type", "article");
		String locale = text(item, "locale", words.locale());
		ZoneId zone = zone(text(item, "timeZone", null), siteZone);
		Dates dates = new Dates(words.locale(), zone);
		String kind = "event".equals(type) ? "event" : text(item, "kind", null);
		String kindLabel = (kind == null) ? null : words.has("kind." + kind) ? words.t("kind." + kind) : kind;
		List<Fact> facts = new ArrayList<>();
		String eventDate = text(item, "eventDate", null);
		if ("event".equals(type) && eventDate != null) {
			facts.add(Fact.time(words.t("article.date"), eventDate, dates.day(eventDate)));
		}
		String deliveredAt = text(item, "deliveredAt", null);
		if (deliveredAt != null) {
			facts.add(Fact.time(words.t("article.delivered"), deliveredAt, dates.instant(deliveredAt, true)));
		}
		String publishedAt = text(item, "publishedAt", null);
		String date = text(item, "date", null);
		if (publishedAt != null) {
			facts.add(Fact.time(words.t("article.published"), publishedAt, dates.instant(publishedAt, true)));
		}
		else if (!"event".equals(type) && date != null) {
			facts.add(Fact.time(words.t("article.date"), date, dates.instant(date, false)));
		}
		// Readers are told of a major change only, with its note; the public "updated"
		// time
		// is that change's.
		String updatedAt = text(item, "updatedAt", null);
		String updateNote = text(item, "updateNote", null);
		String update = null;
		if (updatedAt != null && updateNote != null) {
			facts.add(Fact.time(words.t("article.updated"), updatedAt, dates.instant(updatedAt, true)));
			update = words.t("article.update", Map.of("date", dates.instant(updatedAt, false), "note", updateNote));
		}
		String place = text(item, "place", null);
		if (place != null) {
			facts.add(new Fact(words.t("article.place"), null, place, List.of()));
		}
		facts.addAll(searchLinks(item, "people", "person", words.t("article.people"), words.locale(), defaultLocale));
		facts.addAll(searchLinks(item, "tags", "tag", words.t("article.tags"), words.locale(), defaultLocale));
		String withdrawal = null;
		String withdrawalNote = null;
		JsonNode withdrawn = item.path("withdrawal");
		if ("withdrawn".equals(text(item, "status", "")) || withdrawn.isObject()) {
			String at = text(withdrawn, "withdrawnAt", null);
			withdrawal = words.t("article.withdrawn", Map.of("date", (at != null) ? dates.instant(at, false) : ""));
			String note = text(withdrawn, "note", null);
			withdrawalNote = (note != null) ? words.t("article.withdrawn.note", Map.of("note", note)) : null;
		}
		String related = text(item, "relatedArticleId", null);
		return new ItemView(text(item, "status", "published"), type, locale, kindLabel, text(item, "title", ""),
				text(item, "lead", null), text(item, "body", ""), List.copyOf(facts), withdrawal, withdrawalNote,
				text(item, "counterCaption", null),
				(related != null) ? Page.link("/articles/" + related, locale, defaultLocale) : null,
				httpUrl(text(item, "sourceUrl", null)), update, null);
	}

	private static List<Fact> searchLinks(JsonNode item, String field, String parameter, String label, String locale,
			String defaultLocale) {
		List<Link> links = new ArrayList<>();
		for (JsonNode value : item.path(field)) {
			String text = value.asString();
			links.add(new Link(text,
					Page.link(
							"/search?" + parameter + "="
									+ java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8),
							locale, defaultLocale)));
		}
		return links.isEmpty() ? List.of() : List.of(new Fact(label, null, "", List.copyOf(links)));
	}

	private static @Nullable String httpUrl(@Nullable String url) {
		return (url != null && (url.startsWith("https://") || url.startsWith("http://"))) ? url : null;
	}

	private static ZoneId zone(@Nullable String zone, ZoneId fallback) {
		try {
			return (zone != null) ? ZoneId.of(zone) : fallback;
		}
		catch (RuntimeException ex) {
			return fallback;
		}
	}

	/** A calendar day as the pages write it in {@code locale}. */
	static String day(String isoDay, String locale) {
		return new Dates(locale, java.time.ZoneOffset.UTC).day(isoDay);
	}

	static @Nullable String text(JsonNode node, String field, @Nullable String fallback) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isEmpty()) ? value.asString() : fallback;
	}

	/**
	 * One fact: a date, a text, or links.
	 *
	 * @param label what it is, in the reader's language
	 * @param datetime the machine-readable date of a date
	 * @param text the date or text as shown
	 * @param links the links of a list of people or topics
	 */
	public record Fact(String label, @Nullable String datetime, String text, List<Link> links) {

		static Fact time(String label, String datetime, String text) {
			return new Fact(label, datetime, text, List.of());
		}

	}

	/**
	 * @param text what the link says
	 * @param href where it goes; none for a text that is no address
	 */
	public record Link(String text, @Nullable String href) {
	}

	/** Dates as the scripts write them: British English for English. */
	private record Dates(String locale, ZoneId zone) {

		private Locale format() {
			return Words.formatting(this.locale);
		}

		String day(String isoDay) {
			try {
				return LocalDate.parse(isoDay).format(DateTimeFormatter.ofPattern("d MMMM y", format()));
			}
			catch (DateTimeParseException ex) {
				return isoDay;
			}
		}

		String instant(String iso, boolean time) {
			Instant instant;
			try {
				instant = OffsetDateTime.parse(iso).toInstant();
			}
			catch (DateTimeParseException ex) {
				try {
					instant = Instant.parse(iso);
				}
				catch (DateTimeParseException again) {
					return iso;
				}
			}
			return instant.atZone(this.zone)
				.format(DateTimeFormatter.ofPattern(time ? "d MMMM y, HH:mm" : "d MMMM y", format()));
		}

	}

}
