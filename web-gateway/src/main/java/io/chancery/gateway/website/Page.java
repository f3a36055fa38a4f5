package io.chancery.gateway.website;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the layout needs to render a page: its head (title, description, canonical
 * address, alternates in the other languages, Open Graph and structured data), its
 * script, and the words of its language.
 *
 * @param name the page's name: {@code home}, {@code archive}, {@code search},
 * {@code article}
 * @param script the script that enhances it, from {@code /assets}
 * @param title the document's title
 * @param headline what a link preview shows as its title
 * @param description what a search result or a preview shows under it
 * @param canonical the page's absolute address
 * @param alternates the same page in each of the site's languages, when each exists
 * @param openGraphType {@code website} or {@code article}
 * @param structuredData JSON-LD describing the page's subject, already safe inside a
 * script element
 * @param indexable whether search engines may index it
 * @param words the words of the page's language
 * @param defaultLocale the language a link without {@code locale} shows
 * @param languages every language of the site, for the switch
 * @param switchTo where the switch goes for a language, when not to this page in it: an
 * item's translation, or the listing when it has none
 * @param assets the scripts, style and images, by their hashed names
 */
public record Page(String name, String script, String title, String headline, @Nullable String description,
		@Nullable String canonical, List<Alternate> alternates, String openGraphType, @Nullable String structuredData,
		boolean indexable, Words.In words, String defaultLocale, List<String> languages,
		java.util.Map<String, String> switchTo, Assets assets) {

	/** The address of an asset, by its plain name: its hashed name, cached for good. */
	public String asset(String name) {
		return this.assets.href(name);
	}

	public String locale() {
		return this.words.locale();
	}

	/** A word of the page's language. */
	public String t(String key) {
		return this.words.t(key);
	}

	/** A path of this site in the page's language. */
	public String link(String path) {
		return Page.link(path, locale(), this.defaultLocale);
	}

	static String link(String path, String locale, String defaultLocale) {
		if (locale.equals(defaultLocale)) {
			return path;
		}
		return path + (path.contains("?") ? "&" : "?") + "locale=" + locale;
	}

	/** Each language's name in itself, for the language switch. */
	public List<Language> switchable() {
		return this.languages.stream().map((code) -> {
			Locale language = Locale.forLanguageTag(code);
			String name = language.getDisplayLanguage(language);
			String href = this.switchTo.get(code);
			return new Language(code,
					name.isEmpty() ? code : name.substring(0, 1).toUpperCase(language) + name.substring(1),
					(href != null) ? href : "?locale=" + code, href != null);
		}).toList();
	}

	/**
	 * The page in another language.
	 *
	 * @param locale the language
	 * @param url its absolute address
	 */
	public record Alternate(String locale, String url) {
	}

	/**
	 * A language of the switch.
	 *
	 * @param locale its code
	 * @param name its name in itself
	 * @param href where it goes
	 * @param fixed whether the server chose where it goes, which the scripts then keep
	 */
	public record Language(String locale, String name, String href, boolean fixed) {
	}

}
