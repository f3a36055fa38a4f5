package io.chancery.gateway.website;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import io.chancery.gateway.web.SiteProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The website's own words in each of its languages ({@code chancery.site.locales}), from
 * {@code words.json}, which the pages' scripts import as this class serves it, so a
 * server-rendered page and a script say the same thing. A word a language lacks is taken
 * from the default language, then from the file's first; a word none has is shown as its
 * key. A word that depends on a number has a form for each of its language's plural
 * categories (CLDR's, as the browsers' {@code Intl.PluralRules} has them).
 */
@Component
public class Words {

	static final String RESOURCE = "website/static/assets/words.json";

	/** The word the institution's own name replaces once it is known. */
	static final String SITE_NAME = "site.name";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, Map<String, Object>> words;

	private final String defaultLocale;

	@Autowired
	Words(SiteProperties site) {
		this(site.locales(), read(RESOURCE));
	}

	/**
	 * @param locales the languages the site speaks, the default first
	 * @param known each language's words as the file has them, its most complete first: a
	 * word is a string, or a map of plural category to string
	 */
	Words(List<String> locales, Map<String, Map<String, Object>> known) {
		Map<String, Object> fallback = new LinkedHashMap<>(known.values().iterator().next());
		fallback.putAll(known.getOrDefault(locales.getFirst(), Map.of()));
		Map<String, Map<String, Object>> words = new LinkedHashMap<>();
		for (String locale : locales) {
			Map<String, Object> own = new LinkedHashMap<>(fallback);
			own.putAll(known.getOrDefault(locale, Map.of()));
			words.put(locale, java.util.Collections.unmodifiableMap(own));
		}
		this.words = java.util.Collections.unmodifiableMap(words);
		this.defaultLocale = locales.getFirst();
	}

	/** The languages the site speaks, the default first. */
	public List<String> locales() {
		return List.copyOf(this.words.keySet());
	}

	public String defaultLocale() {
		return this.defaultLocale;
	}

	public boolean speaks(String locale) {
		return this.words.containsKey(locale);
	}

	/**
	 * Every language's words as the scripts import them ({@code assets/words.json}): the
	 * site's languages, the default first, each with every word, so a script never meets
	 * a missing one.
	 */
	byte[] json() {
		return json.writeValueAsBytes(this.words);
	}

	/** The words of one language. */
	public In in(String locale) {
		Map<String, Object> own = this.words.get(locale);
		return new In(this.words.containsKey(locale) ? locale : this.defaultLocale,
				(own != null) ? own : this.words.get(this.defaultLocale));
	}

	/**
	 * How dates and numbers are written in a language: British English for English, as
	 * the institution writes (the scripts' {@code FORMAT}).
	 */
	static Locale formatting(String locale) {
		return "en".equals(locale) ? Locale.UK : Locale.forLanguageTag(locale);
	}

	static Map<String, Map<String, Object>> read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			JsonNode tree = json.readTree(in);
			Map<String, Map<String, Object>> words = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> language : tree.properties()) {
				Map<String, Object> own = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> word : language.getValue().properties()) {
					JsonNode value = word.getValue();
					if (value.isString()) {
						own.put(word.getKey(), value.asString());
					}
					else if (value.isObject()) {
						Map<String, String> forms = new LinkedHashMap<>();
						value.properties().forEach((form) -> forms.put(form.getKey(), form.getValue().asString()));
						own.put(word.getKey(), Map.copyOf(forms));
					}
				}
				words.put(language.getKey(), Map.copyOf(own));
			}
			return words;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One language's words.
	 *
	 * @param locale the language
	 * @param own its words, each word the default language has among them
	 * @param siteName the institution's name in this language, as its site details give
	 * it; {@code null} for the word {@code site.name}
	 */
	public record In(String locale, Map<String, Object> own, @Nullable String siteName) {

		In(String locale, Map<String, Object> own) {
			this(locale, own, null);
		}

		/** The same words, with the institution's name for {@code site.name}. */
		In named(@Nullable String name) {
			return new In(this.locale, this.own, name);
		}

		/** The word for {@code key}. */
		public String t(String key) {
			return (this.siteName != null && SITE_NAME.equals(key)) ? this.siteName : form(key, "other");
		}

		/**
		 * The word for {@code key} with {@code {n}} replaced by {@code count}, in the
		 * form its language uses for that number.
		 */
		public String count(String key, long count) {
			String category = PluralRules.forLocale(ULocale.forLanguageTag(this.locale)).select(count);
			return form(key, category).replace("{n}", number(count));
		}

		/** A number as the language writes it. */
		public String number(long value) {
			return NumberFormat.getInstance(formatting(this.locale)).format(value);
		}

		private String form(String key, String category) {
			Object word = this.own.get(key);
			if (word instanceof Map<?, ?> forms) {
				Object form = forms.get(category);
				word = (form != null) ? form : forms.get("other");
			}
			return (word != null) ? word.toString() : key;
		}

		/** Whether some language has a word for {@code key}. */
		public boolean has(String key) {
			return this.own.containsKey(key);
		}

		/** The word for {@code key} with each {@code {name}} replaced by its value. */
		public String t(String key, Map<String, String> values) {
			String word = t(key);
			for (Map.Entry<String, String> value : values.entrySet()) {
				word = word.replace("{" + value.getKey() + "}", value.getValue());
			}
			return word;
		}

	}

}
