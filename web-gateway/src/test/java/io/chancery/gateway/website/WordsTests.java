package io.chancery.gateway.website;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTests {

	private final Words words = new Words();

	@Test
	void aCountTakesTheFormItsLanguageUsesForTheNumber() {
		assertThat(this.words.in("en").count("search.count", 1)).isEqualTo("1 result");
		assertThat(this.words.in("en").count("search.count", 1234)).isEqualTo("1,234 results");
		assertThat(this.words.in("ru").count("archive.count", 1)).isEqualTo("1 сообщение");
		assertThat(this.words.in("ru").count("archive.count", 3)).isEqualTo("3 сообщения");
		assertThat(this.words.in("ru").count("archive.count", 5)).isEqualTo("5 сообщений");
		assertThat(this.words.in("ru").count("archive.count", 21)).isEqualTo("21 сообщение");
	}

	@Test
	void aWordALanguageLacksComesFromTheDefaultAndAnUnknownOneIsItsKey() {
		assertThat(this.words.in("de").t("search.submit")).isEqualTo("Search");
		assertThat(this.words.in("ru").t("no.such.word")).isEqualTo("no.such.word");
		assertThat(this.words.locales()).startsWith("en").contains("ru");
	}

}
