package io.chancery.ingest.articles;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.chancery.contracts.Article;
import io.chancery.contracts.ContentStatus;
import io.chancery.ingest.changes.ChangeNote;
import io.chancery.ingest.validation.ContentProperties;
import io.chancery.ingest.validation.InvalidContent;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArticleChangesTests {

	private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

	private final ArticleChanges changes = new ArticleChanges(
			new ContentProperties(List.of("en", "ru"), DataSize.ofMegabytes(1), DataSize.ofMegabytes(1)),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void aCompleteArticleIsValidAndPublishedCleaned() {
		ArticleRequest request = request("speech", "Remarks <b>at</b> the forum", "<p>Text</p><script>x()</script>");
		this.changes.validate(request, "a1", "en");

		Article article = this.changes.article(request, "a1", "en", 4);
		assertThat(article.revision()).isEqualTo(4);
		assertThat(article.status()).isEqualTo(ContentStatus.PUBLISHED);
		assertThat(article.title()).isEqualTo("Remarks at the forum");
		assertThat(article.body()).isEqualTo("<p>Text</p>");
		assertThat(article.people()).containsExactly("The Ambassador");
		assertThat(article.updatedAt()).isEqualTo(NOW);
	}

	@Test
	void everyBrokenRuleIsNamedAtOnce() {
		ArticleRequest request = new ArticleRequest(null, null, "memo", "<i></i>", null, "<script>x()</script>", null,
				null, "Mars/Olympus", null, null, List.of(), List.of(), "ftp://example.org", null,
				new ChangeNote(null, true), null);

		assertThatExceptionOfType(InvalidContent.class)
			.isThrownBy(() -> this.changes.validate(request, "Not An Id", "de"))
			.satisfies((invalid) -> assertThat(invalid.violations()).extracting(InvalidContent.Violation::field)
				.contains("id", "locale", "kind", "title", "publishedAt", "timeZone", "sourceUrl", "body",
						"change.note"));
	}

	@Test
	void aWithdrawalKeepsItsNoteAsPlainText() {
		ArticleRequest withdrawn = new ArticleRequest("a1", "en", "statement", "Title", null, "<p>Body</p>", null,
				OffsetDateTime.parse("2026-11-30T12:00:00+03:00"), "Europe/Moscow", null, null, List.of(), List.of(),
				null, new ArticleRequest.WithdrawalRequest("Published <em>in error</em>"), null, null);
		this.changes.validate(withdrawn, "a1", "en");

		Article article = this.changes.article(withdrawn, "a1", "en", 2);
		assertThat(article.status()).isEqualTo(ContentStatus.WITHDRAWN);
		assertThat(java.util.Objects.requireNonNull(article.withdrawal()).note()).isEqualTo("Published in error");
		assertThat(java.util.Objects.requireNonNull(article.withdrawal()).withdrawnAt()).isEqualTo(NOW);
	}

	private static ArticleRequest request(String kind, String title, String body) {
		return new ArticleRequest("a1", "en", kind, title, "A lead", body, null,
				OffsetDateTime.parse("2026-11-30T12:00:00+03:00"), "Europe/Moscow", null, "Geneva",
				List.of("The Ambassador"), List.of("forum"), "https://mid.example/a1", null,
				new ChangeNote("Corrected the place", false), null);
	}

}
