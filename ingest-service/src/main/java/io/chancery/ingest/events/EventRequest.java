package io.chancery.ingest.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.chancery.ingest.changes.ChangeNote;
import org.jspecify.annotations.Nullable;

/**
 * An event as an editor sends it.
 *
 * @param id lower-case letters, digits and hyphens; shared by the translations of one
 * event
 * @param locale one of the site's locales
 * @param date the calendar date it happened on, in {@code timeZone}
 * @param timeZone the IANA zone of the date
 * @param title the headline, plain text
 * @param lead the short text of the list, plain text
 * @param relatedArticleId the article that covers it
 * @param counter a "days since" counter to show for it
 * @param publishAt when it becomes visible, if later than now
 * @param withdrawal present to withdraw it while keeping it readable with a note
 * @param change the editor's note on this change, for the editorial record
 * @param draft true to save a draft, never public until a later change without it
 */
record EventRequest(@Nullable String id, @Nullable String locale, @Nullable LocalDate date, @Nullable String timeZone,
		@Nullable String title, @Nullable String lead, @Nullable String relatedArticleId,
		@Nullable CounterRequest counter, @Nullable Instant publishAt, @Nullable WithdrawalRequest withdrawal,
		@Nullable ChangeNote change, @Nullable Boolean draft) {

	/**
	 * A counter definition.
	 *
	 * @param caption the sentence after the number
	 * @param timeZone the zone whose midnight turns the day
	 * @param direction {@code since} (default) or {@code until}
	 * @param countFrom the date counted from, if not the event's date
	 * @param stoppedOn the date the counter froze, if stopped
	 * @param milestones day counts to announce; absent for the defaults
	 * @param anniversaries whether yearly anniversaries are announced
	 */
	record CounterRequest(@Nullable String caption, @Nullable String timeZone, @Nullable String direction,
			@Nullable LocalDate countFrom, @Nullable LocalDate stoppedOn, @Nullable List<Integer> milestones,
			@Nullable Boolean anniversaries) {
	}

	/**
	 * A withdrawal that keeps the event readable.
	 *
	 * @param note the explanation shown with it
	 */
	record WithdrawalRequest(@Nullable String note) {
	}

}
