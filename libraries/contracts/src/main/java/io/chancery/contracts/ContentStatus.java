package io.chancery.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether an article or event is live, withdrawn with a note, or a draft. An item
 * withdrawn without a note is not a status but a {@link Withdrawal} record that replaces
 * the content.
 * <p>
 * There is no default for a status a consumer does not know: a consumer older than a
 * status fails to read the message (and dead-letters it) rather than take a draft for a
 * published item.
 */
public enum ContentStatus {

	@JsonProperty("published")
	PUBLISHED,

	/** Still readable, with the note that explains the withdrawal. */
	@JsonProperty("withdrawn")
	WITHDRAWN,

	/**
	 * Saved by an editor and never public: no reader, listing, feed or counter shows it
	 * until a later revision publishes it. Editors read it, and whoever holds a preview
	 * link for it.
	 */
	@JsonProperty("draft")
	DRAFT

}
