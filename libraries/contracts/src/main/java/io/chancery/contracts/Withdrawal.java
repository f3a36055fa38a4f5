package io.chancery.contracts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An article or event withdrawn for good: it disappears from listings and search.
 * <p>
 * Travels on the item's own topic and key (event types {@code article-withdrawn} and
 * {@code event-withdrawn}) so that compaction keeps it as the item's latest value: a
 * rebuild still sees the withdrawal, and an older publish replayed later loses to its
 * higher revision.
 *
 * @param id the item's id
 * @param locale the withdrawn version's locale
 * @param revision higher than the revision of the content it withdraws
 * @param withdrawnAt when the withdrawal was accepted
 * @param reason an editor's reason, for the record; never shown to readers
 * @param change who withdrew it, how and why; absent in messages from before the
 * editorial record
 */
public record Withdrawal(String id, String locale, long revision, Instant withdrawnAt, @Nullable String reason,
		@Nullable Attribution change) {

	/** A withdrawal without its editorial record, as producers before it wrote them. */
	public Withdrawal(String id, String locale, long revision, Instant withdrawnAt, @Nullable String reason) {
		this(id, locale, revision, withdrawnAt, reason, null);
	}

	/** This withdrawal at another revision. */
	public Withdrawal atRevision(long revision) {
		return new Withdrawal(this.id, this.locale, revision, this.withdrawnAt, this.reason, this.change);
	}

}
