package io.chancery.ingest.changes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Digests that tell a retried request from a different one sent under the same
 * idempotency key.
 */
public final class Fingerprints {

	private Fingerprints() {
	}

	/**
	 * The fingerprint of a request sent under an idempotency key, or {@code null} without
	 * one: only a retry under the same key is compared, so a request without a key is not
	 * serialised again to be digested (that was about 4 % of a write's CPU).
	 */
	public static @Nullable String of(@Nullable String idempotencyKey, String method, String path,
			Supplier<byte[]> body) {
		return (idempotencyKey != null) ? of(method, path, body.get()) : null;
	}

	public static String of(String method, String path, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
			digest.update(body);
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
