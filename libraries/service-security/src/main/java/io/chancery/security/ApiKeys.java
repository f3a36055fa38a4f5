package io.chancery.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The {@code X-Api-Key} check of every service and of the gateway: the presented key's
 * SHA-256 digest is compared, in constant time, with each configured digest, so the keys
 * themselves are stored nowhere. Free of servlet and reactive types, so the services'
 * filter, the gateway's Spring Security chain and its own write path ask the same
 * question.
 */
public final class ApiKeys {

	/** The header an API key is presented in. */
	public static final String HEADER = "X-Api-Key";

	/**
	 * How a key's holder is named: {@code api-key:<name>}, as the editorial record shows.
	 */
	public static final String PRINCIPAL_PREFIX = "api-key:";

	/**
	 * Looked up once: {@code MessageDigest.getInstance} searches the providers on every
	 * call (about 1 % of ingest-service's CPU per write), a clone does not.
	 */
	private static final MessageDigest SHA_256;

	static {
		try {
			SHA_256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This JVM has no SHA-256", ex);
		}
	}

	private final List<Known> keys;

	public ApiKeys(List<SecurityProperties.ApiKey> keys) {
		this.keys = keys.stream()
			.map((key) -> new Known(PRINCIPAL_PREFIX + key.name(), List.of(role(key.role())),
					key.sha256().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)))
			.toList();
	}

	/**
	 * The holder of {@code presented}, authenticated with their role, or null for a key
	 * that matches none. Every configured digest is compared, so the time taken does not
	 * tell which one matched.
	 */
	public @Nullable Authentication check(String presented) {
		byte[] digest = HexFormat.of().formatHex(sha256(presented)).getBytes(StandardCharsets.US_ASCII);
		Known match = null;
		for (Known key : this.keys) {
			if (MessageDigest.isEqual(digest, key.digest())) {
				match = key;
			}
		}
		return (match != null)
				? UsernamePasswordAuthenticationToken.authenticated(match.principal(), null, match.authorities())
				: null;
	}

	/**
	 * Spring's authority for a role as configured or claimed: {@code editor} is
	 * {@code ROLE_EDITOR}.
	 */
	static GrantedAuthority role(String role) {
		return new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT));
	}

	static byte[] sha256(String value) {
		try {
			MessageDigest digest = (MessageDigest) SHA_256.clone();
			return digest.digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("This JVM's SHA-256 cannot be cloned", ex);
		}
	}

	private record Known(String principal, List<GrantedAuthority> authorities, byte[] digest) {
	}

}
