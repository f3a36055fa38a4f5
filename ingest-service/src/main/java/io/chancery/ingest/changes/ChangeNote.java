package io.chancery.ingest.changes;

import io.chancery.ingest.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * What an editor says about a change, beside the content: the note kept in the editorial
 * record, and whether readers are told of it.
 *
 * @param note why the item changed, plain text
 * @param major true to show readers "Updated &lt;date&gt;: &lt;note&gt;" on the item and
 * in its feed entry; a minor change (the default) is kept in the record only
 */
public record ChangeNote(@Nullable String note, @Nullable Boolean major) {

	static final int MAX_NOTE = 5_000;

	/** Checks the note of a request, if it has one. */
	public static void validate(@Nullable ChangeNote change, Violations violations) {
		if (change == null) {
			return;
		}
		violations.optionalText(change.note(), "change.note", MAX_NOTE);
		violations.require(!Boolean.TRUE.equals(change.major()) || (change.note() != null && !change.note().isBlank()),
				"change.note", "is required for a major change, which readers are shown with its note");
	}

	boolean isMajor() {
		return Boolean.TRUE.equals(this.major);
	}

}
