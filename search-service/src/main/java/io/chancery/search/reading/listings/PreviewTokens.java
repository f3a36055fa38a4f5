package io.chancery.search.reading.listings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.chancery.search.web.PreviewRefused;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Signed, expiring preview links: a token names one item and the instant it stops opening
 * it, signed with HMAC-SHA256 under the configured secret. Nothing is stored, so every
 * replica checks any link; rotating the secret revokes every link at once.
 */
@Component
class PreviewTokens {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final @Nullable SecretKeySpec key;

	private final Properties properties;

	private final Clock clock;

	PreviewTokens(Properties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		String secret = properties.secret();
		this.key = (secret != null && !secret.isBlank())
				? new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256") : null;
	}

	/**
	 * A token that opens {@code item} until {@code lifetime} from now.
	 * @param item the item, {@code articles/<id>:<locale>}
	 * @throws ResponseStatusException 503 when no secret is configured
	 */
	Issued issue(String item, @Nullable Duration lifetime) {
		Duration valid = (lifetime != null) ? lifetime : this.properties.lifetime();
		Instant expires = this.clock.instant().plus(valid).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		String payload = item + "\n" + expires.getEpochSecond();
		return new Issued(ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ ENCODER.encodeToString(sign(payload)), expires);
	}

	/**
	 * Checks that a token opens {@code item} now.
	 * @throws PreviewRefused 401 if it is altered, malformed or expired, 403 if it opens
	 * another item
	 */
	void check(String token, String item) {
		int dot = token.indexOf('.');
		String payload;
		byte[] signature;
		try {
			payload = new String(Base64.getUrlDecoder().decode(token.substring(0, Math.max(dot, 0))),
					StandardCharsets.UTF_8);
			signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
			throw new PreviewRefused(401, "The preview link is not valid");
		}
		if (dot < 1 || !MessageDigest.isEqual(sign(payload), signature)) {
			throw new PreviewRefused(401, "The preview link is not valid: it was altered, or its secret was changed");
		}
		int newline = payload.lastIndexOf('\n');
		Instant expires;
		try {
			expires = Instant.ofEpochSecond(Long.parseLong(payload.substring(newline + 1)));
		}
		catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
			throw new PreviewRefused(401, "The preview link is not valid");
		}
		if (!this.clock.instant().isBefore(expires)) {
			throw new PreviewRefused(401, "The preview link expired at " + expires);
		}
		if (!payload.substring(0, Math.max(newline, 0)).equals(item)) {
			throw new PreviewRefused(403, "The preview link is for another item");
		}
	}

	private byte[] sign(String payload) {
		if (this.key == null) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"Preview links are off: no secret is configured (CHANCERY_PREVIEWS_SECRET)");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/**
	 * A token and when it stops opening its item.
	 *
	 * @param token the token
	 * @param expiresAt when it expires
	 */
	record Issued(String token, Instant expiresAt) {
	}

	/**
	 * Preview links.
	 *
	 * @param secret the HMAC key, at least 32 characters; none turns previews off.
	 * Rotating it revokes every link issued before
	 * @param lifetime how long a link opens its item unless the editor asks for less
	 */
	@ConfigurationProperties("chancery.previews")
	record Properties(@Nullable String secret, @DefaultValue("7d") Duration lifetime) {

		Properties {
			if (secret != null && !secret.isBlank() && secret.length() < 32) {
				throw new IllegalArgumentException("chancery.previews.secret must be at least 32 characters");
			}
		}

	}

}
