package io.chancery.ingest.publishing;

import io.chancery.contracts.MajorChange;
import org.jspecify.annotations.Nullable;

/**
 * What the writer knows of an item before a change, for the message the change builds.
 *
 * @param revision the item's revision before the change, 0 if it had none: what tells the
 * editorial record a first publication from a change
 * @param majorChange the item's latest major change, which a change that is not one
 * carries on
 * @param draft whether the item's latest revision is a draft, never public
 */
public record Previous(long revision, @Nullable MajorChange majorChange, boolean draft) {

	/** Whether the item has been public (and may not go back to being a draft). */
	public boolean published() {
		return this.revision > 0 && !this.draft;
	}

}
