package io.chancery.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether an article or event is live or withdrawn with a note. An item withdrawn without
 * a note is not a status but a {@link Withdrawal} record that replaces the content.
 */
public enum ContentStatus {

	@JsonProperty("published")
	PUBLISHED,

	/** Still readable, with the note that explains the withdrawal. */
	@JsonProperty("withdrawn")
	WITHDRAWN

}
