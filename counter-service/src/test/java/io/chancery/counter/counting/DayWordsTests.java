package io.chancery.counter.counting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DayWordsTests {

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "0, дней", "1, день", "2, дня", "4, дня", "5, дней", "11, дней", "12, дней", "14, дней", "21, день",
			"22, дня", "25, дней", "101, день", "111, дней", "112, дней", "503, дня", "1000, дней" })
	void russianHasThreeForms(long number, String word) {
		assertThat(DayWords.days(number, "ru")).isEqualTo(word);
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "0, days", "1, day", "2, days", "21, days", "503, days" })
	void englishHasTwo(long number, String word) {
		assertThat(DayWords.days(number, "en")).isEqualTo(word);
	}

	@Test
	void sentencesReadNaturallyWhetherOrNotTheCaptionRepeatsTheUnit() {
		assertThat(DayWords.sentence(503, "en", "days have passed since the incident — no credible response"))
			.isEqualTo("503 days have passed since the incident — no credible response");
		assertThat(DayWords.sentence(1, "en", "since the last statement")).isEqualTo("1 day since the last statement");
		assertThat(DayWords.sentence(21, "ru", "прошло с момента инцидента"))
			.isEqualTo("21 день прошло с момента инцидента");
	}

}
