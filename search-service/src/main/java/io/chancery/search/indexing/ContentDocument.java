package io.chancery.search.indexing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chancery.contracts.Article;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.Event;
import io.chancery.contracts.MajorChange;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Withdrawal;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;

/**
 * One article or event as the content index holds it. A withdrawal for good is a
 * tombstone: status {@code gone}, no text, the withdrawal's revision, so an older publish
 * replayed later cannot bring the item back.
 *
 * <p>
 * {@code sortDate} is the one instant listings order by: when an article was published
 * (or delivered), and the start of an event's day in its own zone.
 *
 * <p>
 * {@code updatedAt} is the item's public "updated" time, and {@code updateNote} what
 * readers are told of it: its latest major change, or, for an item that never had one,
 * when it was published (its stated date, or when it was accepted if that came first), so
 * that a back catalog imported today does not read as changed today.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ContentDocument(String type, String id, String locale, long revision, String status, @Nullable String kind,
		@Nullable String title, @Nullable String lead, @Nullable String body, @Nullable String bodyHtml,
		@Nullable OffsetDateTime deliveredAt, @Nullable OffsetDateTime publishedAt, @Nullable LocalDate date,
		@Nullable Instant sortDate, @Nullable String timeZone, @Nullable Instant publishAt, @Nullable String place,
		@Nullable List<String> people, @Nullable List<String> tags, @Nullable String sourceUrl,
		@Nullable String relatedArticleId, @Nullable String counterCaption, @Nullable String withdrawalNote,
		@Nullable Instant withdrawnAt, @Nullable Instant updatedAt,
		@Nullable String updateNote) implements IndexedDocument {

	/**
	 * The document id: type, id and locale, so an article and an event may share an id.
	 */
	@Override
	public String documentId() {
		return this.type + ":" + this.id + ":" + this.locale;
	}

	static ContentDocument of(Article article) {
		boolean withdrawn = article.status() == ContentStatus.WITHDRAWN;
		OffsetDateTime when = (article.publishedAt() != null) ? article.publishedAt() : article.deliveredAt();
		Instant sortDate = (when != null) ? when.toInstant() : article.updatedAt();
		return new ContentDocument("article", article.id(), article.locale(), article.revision(),
				status(article.status()), MessageJson.mapper().convertValue(article.kind(), String.class),
				article.title(), article.lead(), text(article.body()), article.body(), article.deliveredAt(),
				article.publishedAt(), null, sortDate, article.timeZone(), article.publishAt(), article.place(),
				article.people(), article.tags(), article.sourceUrl(), null, null,
				withdrawn ? article.withdrawal().note() : null, withdrawn ? article.withdrawal().withdrawnAt() : null,
				updated(article.majorChange(), sortDate, article.updatedAt()), note(article.majorChange()));
	}

	static ContentDocument of(Event event) {
		boolean withdrawn = event.status() == ContentStatus.WITHDRAWN;
		Instant sortDate = event.date().atStartOfDay(ZoneId.of(event.timeZone())).toInstant();
		return new ContentDocument("event", event.id(), event.locale(), event.revision(), status(event.status()), null,
				event.title(), event.lead(), null, null, null, null, event.date(), sortDate, event.timeZone(),
				event.publishAt(), null, null, null, null, event.relatedArticleId(),
				(event.counter() != null) ? event.counter().caption() : null,
				withdrawn ? event.withdrawal().note() : null, withdrawn ? event.withdrawal().withdrawnAt() : null,
				updated(event.majorChange(), sortDate, event.updatedAt()), note(event.majorChange()));
	}

	static ContentDocument tombstone(String type, Withdrawal withdrawal) {
		return new ContentDocument(type, withdrawal.id(), withdrawal.locale(), withdrawal.revision(), "gone", null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				withdrawal.withdrawnAt(), withdrawal.withdrawnAt(), null);
	}

	/**
	 * The public "updated" time: the latest major change, else the publication: the
	 * stated date, or the time the item was accepted if that came first (a date ahead).
	 */
	static Instant updated(@Nullable MajorChange majorChange, Instant published, Instant accepted) {
		if (majorChange != null) {
			return majorChange.at();
		}
		return published.isBefore(accepted) ? published : accepted;
	}

	/**
	 * The status as reads filter on it: only {@code published} is listed or found; a
	 * {@code draft} is shown to editors and preview links only.
	 */
	private static String status(ContentStatus status) {
		return switch (status) {
			case WITHDRAWN -> "withdrawn";
			case DRAFT -> "draft";
			case PUBLISHED -> "published";
		};
	}

	private static @Nullable String note(@Nullable MajorChange majorChange) {
		return (majorChange != null) ? majorChange.note() : null;
	}

	private static @Nullable String text(@Nullable String html) {
		return (html != null) ? Jsoup.parse(html).text() : null;
	}

}
