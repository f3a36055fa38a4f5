package io.chancery.search.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A document's source as the read side sees it; the indexing side's document is its
 * writer. Fields the read side does not know are ignored, so the two evolve additively.
 */
public record StoredContent(String type, String id, String locale, long revision, String status, @Nullable String kind,
		@Nullable String title, @Nullable String lead, @Nullable String body, @Nullable String bodyHtml,
		@Nullable OffsetDateTime deliveredAt, @Nullable OffsetDateTime publishedAt, @Nullable LocalDate date,
		@Nullable Instant sortDate, @Nullable String timeZone, @Nullable Instant publishAt, @Nullable String place,
		@Nullable List<String> people, @Nullable List<String> tags, @Nullable String sourceUrl,
		@Nullable String relatedArticleId, @Nullable String counterCaption, @Nullable String withdrawalNote,
		@Nullable Instant withdrawnAt, @Nullable Instant updatedAt, @Nullable String updateNote) {
}
