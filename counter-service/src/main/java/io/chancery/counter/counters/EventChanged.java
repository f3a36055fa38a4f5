package io.chancery.counter.counters;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An event was published, revised or withdrawn after the service caught up: news for open
 * pages, which show it without a reload.
 *
 * @param id the event's id
 * @param locale its locale
 * @param revision its revision
 * @param withdrawn whether it was withdrawn (then the rest is empty)
 * @param date its day
 * @param title its title
 * @param lead its lead
 * @param relatedArticleId its article
 */
public record EventChanged(String id, String locale, long revision, boolean withdrawn, @Nullable LocalDate date,
		@Nullable String title, @Nullable String lead, @Nullable String relatedArticleId) {
}
