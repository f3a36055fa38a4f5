package io.chancery.gateway.website;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * One line of the archive or of search results: kind, day, title, who and where, then the
 * lead or the fragments that matched, with the words found marked.
 *
 * @param type {@code article} or {@code event}
 * @param locale the item's language
 * @param kind its kind in the reader's language
 * @param day its calendar day ({@code 2024-06-12}): an event's date, or the day of an
 * article's date in the site's zone
 * @param dayText that day as the reader's language writes it
 * @param language the item's language named in the reader's, when the line shows it
 * @param title its title
 * @param href its page
 * @param byline its people and place
 * @param lead its lead
 * @param fragments the parts of its body that matched
 */
public record ResultLine(String type, String locale, @Nullable String kind, @Nullable String day,
		@Nullable String dayText, @Nullable String language, List<Mark> title, String href, @Nullable String byline,
		List<Mark> lead, List<List<Mark>> fragments) {

	private static final Pattern MARK = Pattern.compile("</?mark>");

	/**
	 * @param result a result of search-service's archive or search answer
	 * @param words the reader's words
	 * @param zone the site's zone
	 * @param showLanguage whether the line names the item's language
	 */
	static ResultLine of(JsonNode result, Words.In words, ZoneId zone, String defaultLocale, boolean showLanguage) {
		String type = ItemView.text(result, "type", "article");
		String kind = "event".equals(type) ? "event" : ItemView.text(result, "kind", null);
		String locale = ItemView.text(result, "locale", words.locale());
		String day = ItemView.text(result, "eventDate", null);
		if (day == null) {
			day = dayOf(ItemView.text(result, "date", null), zone);
		}
		JsonNode marks = result.path("highlights");
		String title = ItemView.text(result, "title", "");
		String lead = ItemView.text(result, "lead", null);
		List<List<Mark>> fragments = new ArrayList<>();
		marks.path("body").forEach((fragment) -> fragments.add(marked(fragment.asString())));
		List<String> byline = new ArrayList<>();
		List<String> people = new ArrayList<>();
		result.path("people").forEach((person) -> people.add(person.asString()));
		if (!people.isEmpty()) {
			byline.add(String.join(", ", people));
		}
		String place = ItemView.text(result, "place", null);
		if (place != null) {
			byline.add(place);
		}
		String path = ("event".equals(type) ? "/events/" : "/articles/")
				+ UriUtils.encodePathSegment(ItemView.text(result, "id", ""), java.nio.charset.StandardCharsets.UTF_8);
		return new ResultLine(type, locale,
				(kind == null) ? null : words.has("kind." + kind) ? words.t("kind." + kind) : kind, day,
				(day != null) ? ItemView.day(day, words.locale()) : null,
				showLanguage ? languageName(locale, words.locale()) : null,
				marks.path("title").isArray() && !marks.path("title").isEmpty()
						? marked(marks.path("title").get(0).asString()) : List.of(new Mark(title, false)),
				Page.link(path, locale, defaultLocale), byline.isEmpty() ? null : String.join(" \u00b7 ", byline),
				marks.path("lead").isArray() && !marks.path("lead").isEmpty()
						? marked(marks.path("lead").get(0).asString())
						: (lead != null) ? List.of(new Mark(lead, false)) : List.of(),
				List.copyOf(fragments));
	}

	/**
	 * A fragment Elasticsearch highlighted (HTML-escaped text with {@code <mark>} around
	 * the words found) as plain text pieces, so the template escapes all of it.
	 */
	static List<Mark> marked(String fragment) {
		List<Mark> pieces = new ArrayList<>();
		Matcher tags = MARK.matcher(fragment);
		int from = 0;
		boolean marked = false;
		while (true) {
			boolean found = tags.find();
			int to = found ? tags.start() : fragment.length();
			if (to > from) {
				pieces.add(new Mark(HtmlUtils.htmlUnescape(fragment.substring(from, to)), marked));
			}
			if (!found) {
				return List.copyOf(pieces);
			}
			marked = !tags.group().startsWith("</");
			from = tags.end();
		}
	}

	/** A language's name in the reader's language, as a heading writes it. */
	static String languageName(String code, String reader) {
		Locale in = Locale.forLanguageTag(reader);
		String name = Locale.forLanguageTag(code).getDisplayLanguage(in);
		return name.isEmpty() || name.equals(code) ? code : name.substring(0, 1).toUpperCase(in) + name.substring(1);
	}

	private static @Nullable String dayOf(@Nullable String instant, ZoneId zone) {
		if (instant == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(instant).atZoneSameInstant(zone).toLocalDate().toString();
		}
		catch (DateTimeParseException ex) {
			try {
				return Instant.parse(instant).atZone(zone).toLocalDate().toString();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	/**
	 * A piece of text, marked when it is a word the search found.
	 *
	 * @param text the text
	 * @param marked whether it is shown marked
	 */
	public record Mark(String text, boolean marked) {
	}

}
