package io.chancery.ingest.articles;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.chancery.ingest.changes.ChangeNote;
import org.jspecify.annotations.Nullable;

/**
 * An article as an editor sends it. The id and locale come from the path when replacing.
 *
 * @param id lower-case letters, digits and hyphens; shared by the translations of one
 * article
 * @param locale one of the site's locales
 * @param kind speech, interview, article, statement, press-release, comment or other
 * @param title the headline, plain text
 * @param lead the standfirst, plain text
 * @param body HTML; cleaned to paragraphs, links, emphasis and lists
 * @param deliveredAt when a speech was delivered, with its offset
 * @param publishedAt when it was published, with its offset
 * @param timeZone the IANA zone of the two date-times
 * @param publishAt when it becomes visible, if later than now
 * @param place where it was delivered
 * @param people the officials it involves
 * @param tags subject tags
 * @param sourceUrl the original, if elsewhere
 * @param withdrawal present to withdraw the article while keeping it readable with a note
 * @param change the editor's note on this change, for the editorial record
 * @param draft true to save a draft, never public until a later change without it
 */
record ArticleRequest(@Nullable String id, @Nullable String locale, @Nullable String kind, @Nullable String title,
		@Nullable String lead, @Nullable String body, @Nullable OffsetDateTime deliveredAt,
		@Nullable OffsetDateTime publishedAt, @Nullable String timeZone, @Nullable Instant publishAt,
		@Nullable String place, @Nullable List<String> people, @Nullable List<String> tags, @Nullable String sourceUrl,
		@Nullable WithdrawalRequest withdrawal, @Nullable ChangeNote change, @Nullable Boolean draft) {

	/**
	 * A withdrawal that keeps the item readable.
	 *
	 * @param note the explanation shown with it
	 */
	record WithdrawalRequest(@Nullable String note) {
	}

}
