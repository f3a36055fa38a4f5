package io.chancery.gateway.website;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WordsTests {

	private final Words words = new Words(List.of("en", "ru"), Words.read(Words.RESOURCE));

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
	void theSiteSpeaksTheConfiguredLanguagesAndOneWithoutWordsHasTheDefaultsWords() {
		Words three = new Words(List.of("ru", "en", "de"), Words.read(Words.RESOURCE));
		assertThat(three.locales()).containsExactly("ru", "en", "de");
		assertThat(three.defaultLocale()).isEqualTo("ru");
		assertThat(three.in("de").t("search.submit")).isEqualTo("Найти");
		assertThat(three.in("de").count("search.count", 1)).as("the words' forms, German's number")
			.isEqualTo("1 результат");
		assertThat(three.in("xx").locale()).isEqualTo("ru");
		assertThat(three.in("en").t("no.such.word")).isEqualTo("no.such.word");
	}

	@Test
	void theScriptsGetEveryLanguageWithEveryWordTheDefaultFirst() {
		JsonNode served = JsonMapper.builder()
			.build()
			.readTree(new Words(List.of("en", "ru", "de"), Words.read(Words.RESOURCE)).json());
		assertThat(served.propertyNames()).containsExactly("en", "ru", "de");
		assertThat(served.path("de").path("search.submit").asString()).isEqualTo("Search");
		assertThat(served.path("de").size()).isEqualTo(served.path("en").size());
		assertThat(served.path("ru").path("archive.count").path("many").asString()).isEqualTo("{n} сообщений");
	}

}
