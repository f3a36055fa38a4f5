package io.chancery.ingest.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTests {

	@Test
	void aBodyKeepsItsStructureAndLosesWhatCouldRun() {
		String body = HtmlSanitizer
			.body("<h2 onclick=\"steal()\">Statement</h2><p>Text <a href=\"javascript:alert(1)\">"
					+ "here</a> and <a href=\"https://mid.example/x\" title=\"t\">there</a></p>"
					+ "<script>steal()</script><p style=\"color:red\">End</p>");

		assertThat(body).isEqualTo("<h2>Statement</h2><p>Text <a rel=\"nofollow\">here</a> and "
				+ "<a href=\"https://mid.example/x\" title=\"t\" rel=\"nofollow\">there</a></p><p>End</p>");
	}

	@Test
	void aBodyOfOnlyDisallowedMarkupIsLeftBlank() {
		assertThat(HtmlSanitizer.body("<script>x()</script><style>p{}</style>")).isBlank();
	}

	@Test
	void cleaningTheSameBodyTwiceGivesTheSameAnswer() {
		String html = "<p>One <b>two</b></p><iframe src=\"x\"></iframe>";
		String first = HtmlSanitizer.body(html);
		assertThat(HtmlSanitizer.body(html)).isEqualTo(first);
		assertThat(HtmlSanitizer.body(html)).isEqualTo(first).isEqualTo("<p>One <b>two</b></p>");
	}

	@Test
	void aPlainFieldLosesAllMarkupAndKeepsItsText() {
		assertThat(HtmlSanitizer.plain("  Talks <em>in</em> Geneva &amp; Bern ")).isEqualTo("Talks in Geneva & Bern");
		assertThat(HtmlSanitizer.plain(" Plain title ")).isEqualTo("Plain title");
		assertThat(HtmlSanitizer.plain("<img src=x onerror=alert(1)>")).isEmpty();
		assertThat(HtmlSanitizer.plain(null)).isNull();
	}

}
