package io.chancery.demo;

/**
 * One piece of text in both languages. Templates use {@code {slot}} placeholders and, in
 * Russian, {@code [masculine|feminine]} alternatives chosen by the speaker's gender.
 *
 * @param en the English text
 * @param ru the Russian text
 */
record Phrase(String en, String ru) {

	String in(Language language) {
		return (language == Language.EN) ? this.en : this.ru;
	}

}
