package io.chancery.ingest.changes;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Reads the conditional and retry headers of a change: If-Match and Idempotency-Key. */
public final class Conditions {

	private static final Pattern REVISION = Pattern.compile("(?:W/)?\"?([1-9][0-9]{0,17})\"?");

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

	private Conditions() {
	}

	/** The revision an If-Match header names, absent without the header. */
	public static @Nullable Long expectedRevision(@Nullable String ifMatch) {
		if (ifMatch == null) {
			return null;
		}
		var matcher = REVISION.matcher(ifMatch.strip());
		if (!matcher.matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"If-Match must name one revision, for example \"3\"");
		}
		return Long.parseLong(matcher.group(1));
	}

	/**
	 * Refuses If-Match where there is no current revision to match: on a create, and on
	 * an import. Ignoring it would perform a change the client made conditional (RFC
	 * 9110, 13.1.1: the condition is false, so 412).
	 */
	public static void noneToMatch(@Nullable String ifMatch, String instead) {
		if (ifMatch != null) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED,
					"If-Match names a revision, but this request has none to match; " + instead);
		}
	}

	public static @Nullable String idempotencyKey(@Nullable String header) {
		if (header == null) {
			return null;
		}
		if (!IDEMPOTENCY_KEY.matcher(header).matches()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"Idempotency-Key must be 1 to 200 visible ASCII characters");
		}
		return header;
	}

}
