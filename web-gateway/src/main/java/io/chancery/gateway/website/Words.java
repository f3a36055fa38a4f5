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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The website's own words in each of its languages, from the same {@code words.json} the
 * pages' scripts import, so a server-rendered page and a script say the same thing. A
 * word a language lacks is taken from the default language; a word no language has is
 * shown as its key, as the scripts do. A word that depends on a number has a form for
 * each of its language's plural categories (CLDR's, as the browsers'
 * {@code Intl.PluralRules} has them).
 */
@Component
public class Words {

	static final String RESOURCE = "website/static/assets/words.json";

	private final Map<String, Map<String, Object>> words;

	private final String defaultLocale;

	Words() {
		this(read(RESOURCE));
	}

	/**
	 * @param words each language's words, the default language first: a word is a string,
	 * or a map of plural category to string
	 */
	Words(Map<String, Map<String, Object>> words) {
		this.words = words;
		this.defaultLocale = words.keySet().iterator().next();
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

	/** The words of one language. */
	public In in(String locale) {
		return new In(locale, this.words.getOrDefault(locale, Map.of()), this.words.get(this.defaultLocale));
	}

	/**
	 * How dates and numbers are written in a language: British English for English, as
	 * the institution writes (the scripts' {@code FORMAT}).
	 */
	static Locale formatting(String locale) {
		return "en".equals(locale) ? Locale.UK : Locale.forLanguageTag(locale);
	}

	private static Map<String, Map<String, Object>> read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			JsonNode tree = JsonMapper.builder().build().readTree(in);
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
	 * @param own its words
	 * @param fallback the default language's words
	 */
	public record In(String locale, Map<String, Object> own, Map<String, Object> fallback) {

		/** The word for {@code key}. */
		public String t(String key) {
			return form(key, "other");
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
			if (word == null) {
				word = this.fallback.get(key);
			}
			if (word instanceof Map<?, ?> forms) {
				Object form = forms.get(category);
				word = (form != null) ? form : forms.get("other");
			}
			return (word != null) ? word.toString() : key;
		}

		/** Whether some language has a word for {@code key}. */
		public boolean has(String key) {
			return this.own.containsKey(key) || this.fallback.containsKey(key);
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
