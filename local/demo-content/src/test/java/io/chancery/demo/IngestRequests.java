package io.chancery.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The request bodies ingest-service reads import lines into, field for field (its
 * {@code ArticleRequest}, {@code EventRequest} and {@code SiteRequest}). ingest-service
 * fails on unknown fields, and so does the test that reads the catalog into these: a
 * field added or renamed there must be added or renamed here.
 */
final class IngestRequests {

	private IngestRequests() {
	}

	record ArticleRequest(@Nullable String id, @Nullable String locale, @Nullable String kind, @Nullable String title,
			@Nullable String lead, @Nullable String body, @Nullable OffsetDateTime deliveredAt,
			@Nullable OffsetDateTime publishedAt, @Nullable String timeZone, @Nullable Instant publishAt,
			@Nullable String place, @Nullable List<String> people, @Nullable List<String> tags,
			@Nullable String sourceUrl, @Nullable WithdrawalRequest withdrawal) {
	}

	record WithdrawalRequest(@Nullable String note) {
	}

	record EventRequest(@Nullable String id, @Nullable String locale, @Nullable LocalDate date,
			@Nullable String timeZone, @Nullable String title, @Nullable String lead, @Nullable String relatedArticleId,
			@Nullable CounterRequest counter, @Nullable Instant publishAt, @Nullable WithdrawalRequest withdrawal) {
	}

	record CounterRequest(@Nullable String caption, @Nullable String timeZone, @Nullable String direction,
			@Nullable LocalDate countFrom, @Nullable LocalDate stoppedOn, @Nullable List<Integer> milestones,
			@Nullable Boolean anniversaries) {
	}

	/** The body of {@code PUT /api/v1/site/{locale}}; an import line adds the locale. */
	record SiteRequest(@Nullable String name, @Nullable List<Contact> contacts, @Nullable List<Clock> clocks) {
	}

	record Contact(@Nullable String title, @Nullable List<String> phones, @Nullable List<String> emails,
			@Nullable String address, @Nullable String hours) {
	}

	record Clock(@Nullable String name, @Nullable String timeZone) {
	}

}
