package io.chancery.contracts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A speech, interview, article, statement, press release or comment in one locale.
 * <p>
 * Topic {@code articles}, key {@code id:locale} ({@link ContentKey}), event type
 * {@code article-published}. The English and Russian versions of one article share its
 * id. Consumers keep the record with the highest {@code revision} per key.
 *
 * @param id the article's id, shared by its translations
 * @param locale the BCP 47 language tag of this version ({@code en}, {@code ru})
 * @param revision higher than any earlier accepted change of this item
 * @param kind what kind of text it is
 * @param status published, or withdrawn but still readable with {@code withdrawal}
 * @param title the headline
 * @param lead the standfirst shown in listings
 * @param body sanitized HTML: paragraphs, links, emphasis and lists only
 * @param deliveredAt when a speech was delivered or an interview given, with its offset
 * @param publishedAt when the institution published it, with its offset
 * @param timeZone the IANA zone the two date-times belong to, for display
 * @param publishAt when it becomes visible, if scheduled; absent means at once
 * @param place where it was delivered
 * @param people the officials it involves
 * @param tags subject tags
 * @param sourceUrl where the original lives, if elsewhere
 * @param withdrawal why it was withdrawn, present exactly when the status is withdrawn
 * @param updatedAt when this revision was accepted
 * @param change who made this revision, how and why; absent in messages from before the
 * editorial record
 * @param majorChange the item's latest major change, this revision's or an earlier one;
 * absent if it had none
 */
public record Article(String id, String locale, long revision, ArticleKind kind, ContentStatus status, String title,
		@Nullable String lead, String body, @Nullable OffsetDateTime deliveredAt, OffsetDateTime publishedAt,
		String timeZone, @Nullable Instant publishAt, @Nullable String place, List<String> people, List<String> tags,
		@Nullable String sourceUrl, @Nullable WithdrawalNote withdrawal, Instant updatedAt,
		@Nullable Attribution change, @Nullable MajorChange majorChange) {

	public Article {
		// Older producers may omit empty lists; consumers see an empty list, never null.
		people = (people != null) ? List.copyOf(people) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	/** An article without its editorial record, as producers before it wrote them. */
	public Article(String id, String locale, long revision, ArticleKind kind, ContentStatus status, String title,
			@Nullable String lead, String body, @Nullable OffsetDateTime deliveredAt, OffsetDateTime publishedAt,
			String timeZone, @Nullable Instant publishAt, @Nullable String place, List<String> people,
			List<String> tags, @Nullable String sourceUrl, @Nullable WithdrawalNote withdrawal, Instant updatedAt) {
		this(id, locale, revision, kind, status, title, lead, body, deliveredAt, publishedAt, timeZone, publishAt,
				place, people, tags, sourceUrl, withdrawal, updatedAt, null, null);
	}

	/**
	 * This message at another revision. A producer builds the message first and lets the
	 * writer that assigns revisions only stamp it, keeping the work done under that
	 * writer's lock small.
	 */
	public Article atRevision(long revision) {
		return new Article(this.id, this.locale, revision, this.kind, this.status, this.title, this.lead, this.body,
				this.deliveredAt, this.publishedAt, this.timeZone, this.publishAt, this.place, this.people, this.tags,
				this.sourceUrl, this.withdrawal, this.updatedAt, this.change, this.majorChange);
	}

	/**
	 * This message as the writer that assigns revisions stamps it: its revision, its
	 * editorial record and the item's latest major change.
	 */
	public Article stamped(long revision, @Nullable Attribution change, @Nullable MajorChange majorChange) {
		return new Article(this.id, this.locale, revision, this.kind, this.status, this.title, this.lead, this.body,
				this.deliveredAt, this.publishedAt, this.timeZone, this.publishAt, this.place, this.people, this.tags,
				this.sourceUrl, this.withdrawal, this.updatedAt, change, majorChange);
	}

	/**
	 * This article withdrawn with a note at a revision: still readable, with the note,
	 * and gone from listings.
	 */
	public Article withdrawnAt(long revision, WithdrawalNote note, Instant now) {
		return new Article(this.id, this.locale, revision, this.kind, ContentStatus.WITHDRAWN, this.title, this.lead,
				this.body, this.deliveredAt, this.publishedAt, this.timeZone, this.publishAt, this.place, this.people,
				this.tags, this.sourceUrl, note, now, this.change, this.majorChange);
	}

}
