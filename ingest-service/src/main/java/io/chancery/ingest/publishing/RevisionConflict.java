package io.chancery.ingest.publishing;

import org.jspecify.annotations.Nullable;

/**
 * The change named a revision that is no longer current, or created an item that exists.
 */
public class RevisionConflict extends RuntimeException {

	private final @Nullable Long currentRevision;

	public RevisionConflict(String message, @Nullable Long currentRevision) {
		super(message);
		this.currentRevision = currentRevision;
	}

	/** The item's current revision, absent when the item does not exist. */
	public @Nullable Long currentRevision() {
		return this.currentRevision;
	}

}
