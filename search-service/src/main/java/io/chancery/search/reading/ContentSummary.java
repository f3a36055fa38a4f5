package io.chancery.search.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One result in a listing or a search: enough to show a line with a link, plus the
 * highlighted fragments when a query was given.
 *
 * @param type {@code article} or {@code event}
 * @param id the item's id
 * @param locale the item's locale
 * @param kind an article's kind
 * @param title the title
 * @param lead the lead
 * @param date the item's own date: an article's publication, the start of an event's day
 * @param eventDate an event's calendar day
 * @param deliveredAt when a speech was delivered or an interview given
 * @param publishedAt when an article was published
 * @param place where
 * @param people the officials concerned
 * @param tags its tags
 * @param relatedArticleId an event's article
 * @param counterCaption an event's counter caption
 * @param highlights fragments with {@code <mark>} around matches, by field; the text
 * around them is HTML-escaped
 * @param updatedAt its public "updated" time: its latest major change, else when it was
 * published
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContentSummary(String type, String id, String locale, @Nullable String kind, @Nullable String title,
		@Nullable String lead, @Nullable Instant date, @Nullable LocalDate eventDate,
		@Nullable OffsetDateTime deliveredAt, @Nullable OffsetDateTime publishedAt, @Nullable String place,
		@Nullable List<String> people, @Nullable List<String> tags, @Nullable String relatedArticleId,
		@Nullable String counterCaption, Map<String, List<String>> highlights, @Nullable Instant updatedAt) {

	public static ContentSummary of(StoredContent content, Map<String, List<String>> highlights) {
		return new ContentSummary(content.type(), content.id(), content.locale(), content.kind(), content.title(),
				content.lead(), content.sortDate(), content.date(), content.deliveredAt(), content.publishedAt(),
				content.place(), content.people(), content.tags(), content.relatedArticleId(), content.counterCaption(),
				highlights, content.updatedAt());
	}

}
