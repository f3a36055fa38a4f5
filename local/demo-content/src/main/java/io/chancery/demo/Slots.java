package io.chancery.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The words one text is assembled from, in one language. A template names them as
 * {@code {slot}}; Russian templates agree with the speaker through
 * {@code [masculine|feminine]}. A template that names a slot nobody filled is a bug in
 * the vocabulary and fails at once.
 */
final class Slots {

	private final Language language;

	private final Map<String, String> values = new LinkedHashMap<>();

	private boolean female;

	Slots(Language language) {
		this.language = language;
	}

	Language language() {
		return this.language;
	}

	Slots put(String slot, String value) {
		this.values.put(slot, value);
		return this;
	}

	Slots put(String slot, Phrase value) {
		return put(slot, value.in(this.language));
	}

	Slots female(boolean female) {
		this.female = female;
		return this;
	}

	/** The template filled in, first letter raised, as a sentence or a headline. */
	String sentence(Phrase template) {
		return capitalize(fill(template.in(this.language)));
	}

	String fill(Phrase template) {
		return fill(template.in(this.language));
	}

	String fill(String template) {
		StringBuilder text = new StringBuilder(template.length() + 64);
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			if (c == '{') {
				int end = template.indexOf('}', i);
				String slot = template.substring(i + 1, end);
				String value = this.values.get(slot);
				if (value == null) {
					throw new IllegalStateException("No " + slot + " for \"" + template + "\"");
				}
				text.append(value);
				i = end + 1;
			}
			else if (c == '[') {
				int bar = template.indexOf('|', i);
				int end = template.indexOf(']', bar);
				text.append(this.female ? template.substring(bar + 1, end) : template.substring(i + 1, bar));
				i = end + 1;
			}
			else {
				text.append(c);
				i++;
			}
		}
		return text.toString();
	}

	/** Raises the first letter, looking past leading tags and quotation marks. */
	static String capitalize(String text) {
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '<') {
				i = text.indexOf('>', i) + 1;
			}
			else if (Character.isLetter(c)) {
				return text.substring(0, i) + Character.toUpperCase(c) + text.substring(i + 1);
			}
			else {
				i++;
			}
		}
		return text;
	}

}
