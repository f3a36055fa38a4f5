package io.chancery.gateway.website;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The website's own words in each of its languages, from the same {@code words.json} the
 * pages' scripts import, so a server-rendered page and a script say the same thing. A
 * word a language lacks is taken from the default language; a word no language has is
 * shown as its key, as the scripts do.
 */
@Component
public class Words {

	static final String RESOURCE = "website/static/assets/words.json";

	private final Map<String, Map<String, String>> words;

	private final String defaultLocale;

	Words() {
		this(read(RESOURCE));
	}

	Words(Map<String, Map<String, String>> words) {
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

	private static Map<String, Map<String, String>> read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			JsonNode tree = JsonMapper.builder().build().readTree(in);
			Map<String, Map<String, String>> words = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> language : tree.properties()) {
				Map<String, String> own = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> word : language.getValue().properties()) {
					// Plural forms (objects) are the scripts' alone for now.
					if (word.getValue().isString()) {
						own.put(word.getKey(), word.getValue().asString());
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
	public record In(String locale, Map<String, String> own, Map<String, String> fallback) {

		/** The word for {@code key}. */
		public String t(String key) {
			String word = this.own.get(key);
			if (word == null) {
				word = this.fallback.get(key);
			}
			return (word != null) ? word : key;
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
