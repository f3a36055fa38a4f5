package io.chancery.gateway.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/** Strong entity tags from a body's digest, and conditional request matching. */
public final class EntityTags {

	private EntityTags() {
	}

	public static String of(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether an {@code If-None-Match} header names this tag (weak comparison). */
	public static boolean matches(@Nullable String ifNoneMatch, String tag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			String trimmed = candidate.strip();
			if (trimmed.equals("*") || trimmed.replaceFirst("^W/", "").equals(tag)) {
				return true;
			}
		}
		return false;
	}

}
