package io.chancery.search.indexing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.chancery.contracts.Article;
import io.chancery.contracts.ArticleKind;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.CounterDefinition;
import io.chancery.contracts.Event;
import io.chancery.contracts.MajorChange;
import io.chancery.contracts.Withdrawal;
import io.chancery.contracts.WithdrawalNote;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDocumentTests {

	private static final Instant WRITTEN = Instant.parse("2026-11-30T10:00:00Z");

	@Test
	void anArticleIsFoundByItsTextAndListedByItsPublication() {
		ContentDocument document = ContentDocument.of(article(ContentStatus.PUBLISHED, null));

		assertThat(document.documentId()).isEqualTo("article:a1:ru");
		assertThat(document.kind()).as("the wire spelling").isEqualTo("speech");
		assertThat(document.status()).isEqualTo("published");
		assertThat(document.body()).isEqualTo("Текст речи");
		assertThat(document.bodyHtml()).isEqualTo("<p>Текст <b>речи</b></p>");
		assertThat(document.sortDate()).isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
		assertThat(document.withdrawalNote()).isNull();
	}

	@Test
	void anItemNeverChangedWasLastUpdatedWhenPublishedNotWhenImported() {
		ContentDocument imported = ContentDocument.of(article(ContentStatus.PUBLISHED, null));

		assertThat(imported.updatedAt()).as("its publication, before the import at " + WRITTEN)
			.isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
		assertThat(imported.updateNote()).isNull();
		assertThat(ContentDocument.updated(null, WRITTEN.plusSeconds(86_400), WRITTEN))
			.as("dated ahead: when it was accepted")
			.isEqualTo(WRITTEN);
	}

	@Test
	void anItemWithAMajorChangeWasLastUpdatedThenWithItsNote() {
		MajorChange major = new MajorChange(Instant.parse("2026-12-01T08:00:00Z"), "Corrected the date");
		Article article = article(ContentStatus.PUBLISHED, null);

		ContentDocument document = ContentDocument.of(article.stamped(4, null, major));

		assertThat(document.updatedAt()).isEqualTo(major.at());
		assertThat(document.updateNote()).isEqualTo("Corrected the date");
	}

	@Test
	void anArticleWithdrawnWithANoteKeepsItsTextAndShowsTheNote() {
		ContentDocument document = ContentDocument
			.of(article(ContentStatus.WITHDRAWN, new WithdrawalNote("Published in error", WRITTEN)));

		assertThat(document.status()).isEqualTo("withdrawn");
		assertThat(document.withdrawalNote()).isEqualTo("Published in error");
		assertThat(document.withdrawnAt()).isEqualTo(WRITTEN);
		assertThat(document.title()).isEqualTo("Речь");
	}

	@Test
	void anEventIsListedFromTheStartOfItsDayInItsOwnZone() {
		Event event = new Event("e1", "en", 3, ContentStatus.PUBLISHED, LocalDate.of(2024, 6, 12), "Europe/Moscow",
				"Reception", null, "a1", new CounterDefinition("days since the reception", "Europe/Moscow",
						CounterDefinition.Direction.SINCE, null, null, List.of(), false),
				null, null, WRITTEN);

		ContentDocument document = ContentDocument.of(event);
		assertThat(document.documentId()).isEqualTo("event:e1:en");
		assertThat(document.sortDate()).isEqualTo(Instant.parse("2024-06-11T21:00:00Z"));
		assertThat(document.date()).isEqualTo(LocalDate.of(2024, 6, 12));
		assertThat(document.counterCaption()).isEqualTo("days since the reception");
		assertThat(document.relatedArticleId()).isEqualTo("a1");
	}

	@Test
	void aWithdrawalForGoodLeavesATombstoneWithoutText() {
		ContentDocument tombstone = ContentDocument.tombstone("article",
				new Withdrawal("a1", "ru", 5, WRITTEN, "retracted"));

		assertThat(tombstone.status()).isEqualTo("gone");
		assertThat(tombstone.revision()).as("so an older publish replayed later loses").isEqualTo(5);
		assertThat(tombstone.title()).isNull();
		assertThat(tombstone.body()).isNull();
		assertThat(tombstone.sortDate()).isNull();
	}

	private static Article article(ContentStatus status, @Nullable WithdrawalNote withdrawal) {
		return new Article("a1", "ru", 2, ArticleKind.SPEECH, status, "Речь", "Вводная", "<p>Текст <b>речи</b></p>",
				null, OffsetDateTime.parse("2026-11-29T12:00:00+03:00"), "Europe/Moscow", null, "Москва",
				List.of("Посол"), List.of("речь"), null, withdrawal, WRITTEN);
	}

}
