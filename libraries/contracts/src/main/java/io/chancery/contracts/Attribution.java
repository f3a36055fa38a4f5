package io.chancery.contracts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Who made a change, when, through what and why: the editorial record of one revision.
 * Absent from messages written before it existed.
 *
 * @param author the credential that made the change, stable for one holder:
 * {@code api-key:<name>} or {@code jwt:<subject>}
 * @param authorName how the holder is called, for people reading the record (the token's
 * {@code name} claim, or the API key's name)
 * @param at when the change was accepted
 * @param action what it did
 * @param note the editor's change note
 * @param major whether readers are told of it ("Updated …" with the note); a minor change
 * is kept in the record only
 * @param importId the import it came in with, when it came in one
 * @param idempotencyKey the client's Idempotency-Key, when it sent one
 * @param restoredFrom for a restore, the revision whose content it published again
 */
public record Attribution(String author, @Nullable String authorName, Instant at, ChangeAction action,
		@Nullable String note, boolean major, @Nullable String importId, @Nullable String idempotencyKey,
		@Nullable Long restoredFrom) {

	/** The same change with another action, for a builder that learns it late. */
	public Attribution withAction(ChangeAction action) {
		return new Attribution(this.author, this.authorName, this.at, action, this.note, this.major, this.importId,
				this.idempotencyKey, this.restoredFrom);
	}

}
