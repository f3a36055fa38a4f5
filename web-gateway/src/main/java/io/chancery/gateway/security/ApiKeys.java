package io.chancery.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code X-Api-Key} authentication: the presented key's SHA-256 digest is compared, in
 * constant time, with each configured digest. An unknown key is refused outright rather
 * than treated as anonymous, so a typo never silently loses a write's credential.
 */
final class ApiKeys implements ServerAuthenticationConverter, ReactiveAuthenticationManager {

	static final String HEADER = "X-Api-Key";

	private final List<SecurityProperties.ApiKey> keys;

	ApiKeys(List<SecurityProperties.ApiKey> keys) {
		this.keys = List.copyOf(keys);
	}

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
		if (presented == null) {
			return Mono.empty();
		}
		return Mono.just(new UsernamePasswordAuthenticationToken(null, presented));
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		Authentication known = check(String.valueOf(authentication.getCredentials()));
		return (known != null) ? Mono.just(known) : Mono.error(new BadCredentialsException("Unknown API key"));
	}

	/** The holder of {@code presented} with their role, or null for an unknown key. */
	@Nullable Authentication check(String presented) {
		byte[] digest = HexFormat.of().formatHex(sha256(presented)).getBytes(StandardCharsets.US_ASCII);
		for (SecurityProperties.ApiKey key : this.keys) {
			if (MessageDigest.isEqual(digest,
					key.sha256().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
				return UsernamePasswordAuthenticationToken.authenticated("key:" + key.name(), null,
						List.of(new SimpleGrantedAuthority("ROLE_" + key.role().toUpperCase(Locale.ROOT))));
			}
		}
		return null;
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
