package io.chancery.search.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One article or event in full, as its page shows it. A withdrawn item is still shown,
 * with its withdrawal note.
 *
 * @param type {@code article} or {@code event}
 * @param id the id
 * @param locale the locale
 * @param revision the revision shown
 * @param status {@code published} or {@code withdrawn}
 * @param kind an article's kind
 * @param title the title
 * @param lead the lead
 * @param body an article's sanitised HTML body
 * @param date the item's own date
 * @param eventDate an event's calendar day
 * @param timeZone the zone its times were given in
 * @param deliveredAt when delivered
 * @param publishedAt when published
 * @param place where
 * @param people the officials concerned
 * @param tags its tags
 * @param sourceUrl where it was first published
 * @param relatedArticleId an event's article
 * @param counterCaption an event's counter caption
 * @param withdrawal why and when it was withdrawn
 * @param updatedAt the item's public "updated" time: its latest major change, else when
 * it was published
 * @param updateNote what readers are told of its latest major change, if it had one
 * @param translations the item in the other locales it is published in: locale to its
 * address in this API
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContentItem(String type, String id, String locale, long revision, String status, @Nullable String kind,
		@Nullable String title, @Nullable String lead, @Nullable String body, @Nullable Instant date,
		@Nullable LocalDate eventDate, @Nullable String timeZone, @Nullable OffsetDateTime deliveredAt,
		@Nullable OffsetDateTime publishedAt, @Nullable String place, @Nullable List<String> people,
		@Nullable List<String> tags, @Nullable String sourceUrl, @Nullable String relatedArticleId,
		@Nullable String counterCaption, @Nullable Withdrawal withdrawal, @Nullable Instant updatedAt,
		@Nullable String updateNote, Map<String, String> translations) {

	public static ContentItem of(StoredContent content, Map<String, String> translations) {
		Withdrawal withdrawal = (content.withdrawnAt() != null)
				? new Withdrawal(content.withdrawalNote(), content.withdrawnAt()) : null;
		return new ContentItem(content.type(), content.id(), content.locale(), content.revision(), content.status(),
				content.kind(), content.title(), content.lead(), content.bodyHtml(), content.sortDate(), content.date(),
				content.timeZone(), content.deliveredAt(), content.publishedAt(), content.place(), content.people(),
				content.tags(), content.sourceUrl(), content.relatedArticleId(), content.counterCaption(), withdrawal,
				content.updatedAt(), content.updateNote(), translations);
	}

	/**
	 * Why and when the item was withdrawn.
	 *
	 * @param note the note shown with it
	 * @param withdrawnAt when
	 */
	record Withdrawal(@Nullable String note, Instant withdrawnAt) {
	}

}
