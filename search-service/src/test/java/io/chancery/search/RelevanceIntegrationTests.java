package io.chancery.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.chancery.contracts.ArticleKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.chancery.search.Content.article;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Russian and English relevance suite, on the real Elasticsearch with the project's
 * analysis plugin: inflected forms, ё and е, case, plurals, stop words, phrases, names. A
 * stop word is neutral: alone it restricts nothing, beside other words it is ignored.
 */
@SearchIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelevanceIntegrationTests {

	private final String tag = "r" + UUID.randomUUID().toString().substring(0, 8);

	private final String p = "rel" + UUID.randomUUID().toString().substring(0, 6) + "-";

	@LocalServerPort
	private int port;

	private Content content;

	@BeforeAll
	void publish() {
		this.content = new Content(this.port);
		item("r1", "ru", "Кандидат в президенты выступил в Москве", "", List.of());
		item("r2", "ru", "Кандидаты обсудили программу", "", List.of());
		item("r3", "ru", "Список кандидатов опубликован", "", List.of());
		item("r4", "ru", "Ёлка на главной площади", "", List.of());
		item("r5", "ru", "Праздничная елка у посольства", "", List.of());
		item("r6", "en", "The speech of the minister", "", List.of());
		item("r7", "en", "Two speeches at the forum", "", List.of());
		item("r8", "en", "Candidates for the council", "", List.of());
		item("r9", "en", "Talks in Geneva", "", List.of("Sergey Lavrov"));
		item("r10", "ru", "Переговоры с Сергеем Лавровым", "", List.of());
		item("r11", "ru", "Погода в столице", "Синоптики рассказали, что кандидат в мастера спорта не пришёл.",
				List.of());
		this.content.flush();
		this.content.awaitTotal("/api/v1/search?tag=" + this.tag, 11);
	}

	@AfterAll
	void close() {
		this.content.close();
	}

	private void item(String id, String locale, String title, String body, List<String> people) {
		this.content.publish(article(this.p + id, locale, 1, ArticleKind.ARTICLE, title, null,
				"<p>" + (body.isEmpty() ? title : body) + "</p>", "2020-02-0" + (1 + id.length() % 5) + "T10:00:00Z",
				people, List.of(this.tag)));
	}

	@ParameterizedTest(name = "{0} finds {1}")
	@CsvSource(delimiter = '|', textBlock = """
			кандидат            | r1 r2 r3 r11
			кандидаты           | r1 r2 r3 r11
			кандидатов          | r1 r2 r3 r11
			КАНДИДАТ            | r1 r2 r3 r11
			ёлка                | r4 r5
			елка                | r4 r5
			ЕЛКИ                | r4 r5
			speech              | r6 r7
			speeches            | r6 r7
			the speech          | r6 r7
			candidate           | r8
			Lavrov              | r9
			Лаврова             | r10
			"список кандидатов" | r3
			"кандидатов список" | -
			the                 | r1 r2 r3 r4 r5 r6 r7 r8 r9 r10 r11
			и                   | r1 r2 r3 r4 r5 r6 r7 r8 r9 r10 r11
			""")
	void finds(String query, String expected) {
		List<String> wanted = expected.equals("-") ? List.of()
				: List.of(expected.split(" ")).stream().map((id) -> this.p + id).toList();
		assertThat(ids(query)).containsExactlyInAnyOrderElementsOf(wanted);
	}

	@ParameterizedTest(name = "{0} ranks {1} last")
	@CsvSource(delimiter = '|', textBlock = """
			кандидатов | r11
			""")
	void titleMatchesRankAboveBodyMatches(String query, String last) {
		List<String> ids = ids(query);
		assertThat(ids.get(ids.size() - 1)).isEqualTo(this.p + last);
	}

	private List<String> ids(String query) {
		JsonNode page = this.content
			.get("/api/v1/search?tag=" + this.tag + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
		List<String> ids = new ArrayList<>();
		for (JsonNode result : page.get("results")) {
			ids.add(result.get("id").asString());
		}
		return ids;
	}

}
