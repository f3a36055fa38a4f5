package io.chancery.ingest.changes;

import java.time.Instant;

import io.chancery.contracts.Attribution;
import io.chancery.contracts.ChangeAction;
import io.chancery.contracts.MajorChange;
import io.chancery.ingest.publishing.Previous;
import io.chancery.ingest.validation.HtmlSanitizer;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The editorial record of a change: who makes it (the request's credential), when,
 * through what, and why.
 */
public final class Authorship {

	/** The principal name service-security gives an API key's holder. */
	private static final String API_KEY = "api-key:";

	private Authorship() {
	}

	/**
	 * The record of a change the current request makes. The action is what the request
	 * asks for; a change to an item that had no revision before is settled as its
	 * publication by {@link #settle} once the writer knows.
	 * @param action what the request does
	 * @param note the editor's note, if any
	 * @param at when the change is accepted
	 * @param importId the import it comes in with, if any
	 * @param idempotencyKey the client's key, if any
	 * @param restoredFrom the revision a restore publishes again, if it is one
	 */
	public static Attribution current(ChangeAction action, @Nullable ChangeNote note, Instant at,
			@Nullable String importId, @Nullable String idempotencyKey, @Nullable Long restoredFrom) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String author;
		String name;
		if (authentication instanceof JwtAuthenticationToken jwt) {
			author = "jwt:" + jwt.getToken().getSubject();
			String claimed = jwt.getToken().getClaimAsString("name");
			name = (claimed != null) ? claimed : jwt.getToken().getClaimAsString("preferred_username");
		}
		else if (authentication != null && authentication.getName() != null) {
			author = authentication.getName();
			name = author.startsWith(API_KEY) ? author.substring(API_KEY.length()) : null;
		}
		else {
			// Every write route needs a credential; this is a caller inside the service.
			author = "ingest-service";
			name = null;
		}
		return new Attribution(author, (name != null) ? HtmlSanitizer.plain(name) : null, at, action,
				(note != null) ? HtmlSanitizer.plain(note.note()) : null, note != null && note.isMajor(), importId,
				idempotencyKey, restoredFrom);
	}

	/**
	 * The item's latest major change once this change is made: this one if it is major
	 * and public, else the one before, carried on. A draft is never public, so its note
	 * is kept in the record only.
	 */
	public static @Nullable MajorChange majorChange(Attribution change, Previous previous, boolean draft) {
		String note = change.note();
		return (change.major() && note != null && !draft) ? new MajorChange(change.at(), note) : previous.majorChange();
	}

	/**
	 * The record as written, once the writer knows what the item was: saving a draft
	 * drafts it, and a change of an item that was never public publishes it.
	 */
	public static Attribution settle(Attribution change, Previous previous, boolean draft) {
		if (change.action() != ChangeAction.CHANGED) {
			return change;
		}
		if (draft) {
			return change.withAction(ChangeAction.DRAFTED);
		}
		return previous.published() ? change : change.withAction(ChangeAction.PUBLISHED);
	}

}
