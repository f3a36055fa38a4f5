package io.chancery.ingest.changes;

import io.chancery.contracts.ContentStatus;
import io.chancery.ingest.validation.Violations;
import org.jspecify.annotations.Nullable;

/**
 * A request's {@code draft} flag: a draft is saved and never public until a later change
 * without the flag publishes it; a published item never becomes a draft again (the
 * writer's rule, {@code ChangeRoutes.Kind#stamped}).
 */
public final class Drafts {

	private Drafts() {
	}

	/**
	 * Checks that a request is either a draft or withdrawn with a note, not both: only a
	 * published item is withdrawn with a note.
	 */
	public static void validateDraft(@Nullable Boolean draft, boolean withdrawn, Violations violations) {
		violations.require(!(Boolean.TRUE.equals(draft) && withdrawn), "draft",
				"cannot be withdrawn with a note: only a published item can");
	}

	/** The status of the message a request makes. */
	public static ContentStatus status(boolean withdrawn, @Nullable Boolean draft) {
		if (withdrawn) {
			return ContentStatus.WITHDRAWN;
		}
		return Boolean.TRUE.equals(draft) ? ContentStatus.DRAFT : ContentStatus.PUBLISHED;
	}

}
