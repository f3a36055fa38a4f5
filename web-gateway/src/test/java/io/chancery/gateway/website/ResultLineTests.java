package io.chancery.gateway.website;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultLineTests {

	@Test
	void aHighlightedFragmentBecomesTextWithTheWordsFoundMarked() {
		assertThat(ResultLine.marked("the <mark>harbour</mark> &amp; <mark>port</mark> &lt;b&gt;")).containsExactly(
				new ResultLine.Mark("the ", false), new ResultLine.Mark("harbour", true),
				new ResultLine.Mark(" & ", false), new ResultLine.Mark("port", true),
				new ResultLine.Mark(" <b>", false));
	}

	@Test
	void aLanguageIsNamedInTheReadersLanguage() {
		assertThat(ResultLine.languageName("ru", "en")).isEqualTo("Russian");
		assertThat(ResultLine.languageName("en", "ru")).isEqualTo("Английский");
	}

}
