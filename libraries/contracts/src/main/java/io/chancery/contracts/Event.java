package io.chancery.contracts;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A dated occurrence shown under "Latest events", in one locale.
 * <p>
 * Topic {@code events}, key {@code id:locale} ({@link ContentKey}), event type
 * {@code event-published}.
 *
 * @param id the event's id, shared by its translations
 * @param locale the BCP 47 language tag of this version
 * @param revision higher than any earlier accepted change of this item
 * @param status published, or withdrawn but still readable with {@code withdrawal}
 * @param date the calendar date it happened on, in {@code timeZone}
 * @param timeZone the IANA zone of the date
 * @param title the headline
 * @param lead the short text shown in the list
 * @param relatedArticleId the article that covers it, if any
 * @param counter the "days since" counter shown for it, if any
 * @param publishAt when it becomes visible, if scheduled
 * @param withdrawal why it was withdrawn, present exactly when the status is withdrawn
 * @param updatedAt when this revision was accepted
 * @param change who made this revision, how and why; absent in messages from before the
 * editorial record
 * @param majorChange the item's latest major change, this revision's or an earlier one;
 * absent if it had none
 */
public record Event(String id, String locale, long revision, ContentStatus status, LocalDate date, String timeZone,
		String title, @Nullable String lead, @Nullable String relatedArticleId, @Nullable CounterDefinition counter,
		@Nullable Instant publishAt, @Nullable WithdrawalNote withdrawal, Instant updatedAt,
		@Nullable Attribution change, @Nullable MajorChange majorChange) {

	/** An event without its editorial record, as producers before it wrote them. */
	public Event(String id, String locale, long revision, ContentStatus status, LocalDate date, String timeZone,
			String title, @Nullable String lead, @Nullable String relatedArticleId, @Nullable CounterDefinition counter,
			@Nullable Instant publishAt, @Nullable WithdrawalNote withdrawal, Instant updatedAt) {
		this(id, locale, revision, status, date, timeZone, title, lead, relatedArticleId, counter, publishAt,
				withdrawal, updatedAt, null, null);
	}

	/**
	 * This message at another revision. A producer builds the message first and lets the
	 * writer that assigns revisions only stamp it, keeping the work done under that
	 * writer's lock small.
	 */
	public Event atRevision(long revision) {
		return new Event(this.id, this.locale, revision, this.status, this.date, this.timeZone, this.title, this.lead,
				this.relatedArticleId, this.counter, this.publishAt, this.withdrawal, this.updatedAt, this.change,
				this.majorChange);
	}

	/**
	 * This message as the writer that assigns revisions stamps it: its revision, its
	 * editorial record and the item's latest major change.
	 */
	public Event stamped(long revision, @Nullable Attribution change, @Nullable MajorChange majorChange) {
		return new Event(this.id, this.locale, revision, this.status, this.date, this.timeZone, this.title, this.lead,
				this.relatedArticleId, this.counter, this.publishAt, this.withdrawal, this.updatedAt, change,
				majorChange);
	}

	/**
	 * This event withdrawn with a note at a revision: still readable, with the note, and
	 * gone from listings.
	 */
	public Event withdrawnAt(long revision, WithdrawalNote note, Instant now) {
		return new Event(this.id, this.locale, revision, ContentStatus.WITHDRAWN, this.date, this.timeZone, this.title,
				this.lead, this.relatedArticleId, this.counter, this.publishAt, note, now, this.change,
				this.majorChange);
	}

}
