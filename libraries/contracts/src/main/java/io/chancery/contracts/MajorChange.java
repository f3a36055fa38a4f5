package io.chancery.contracts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An item's latest major change: the one readers are told of ("Updated &lt;date&gt;:
 * &lt;note&gt;"), and the item's public "updated" time. Every later revision carries it
 * on until the next major change, so the newest message of an item, which compaction
 * keeps, always knows it.
 *
 * @param at when the major change was accepted
 * @param note what changed, as the editor told readers
 */
public record MajorChange(Instant at, String note) {

	/** The latest major change a message carries, if it is an article or an event. */
	public static @Nullable MajorChange of(@Nullable Object message) {
		if (message instanceof Article article) {
			return article.majorChange();
		}
		if (message instanceof Event event) {
			return event.majorChange();
		}
		return null;
	}

}
