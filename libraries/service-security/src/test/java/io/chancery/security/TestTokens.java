package io.chancery.security;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * RS256 tokens for tests, as an identity provider would sign them: the services read the
 * {@code roles} claim, so a token names one role. Shared by the services' and the
 * system's tests through this module's test jar.
 */
public final class TestTokens {

	private TestTokens() {
	}

	/**
	 * A fresh 2048-bit RSA key pair: one the platform is told to trust, or a stranger's.
	 */
	public static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A token for {@code subject} with one role, issued five minutes ago (before any
	 * clock skew) and expiring at {@code expires}.
	 */
	public static String withRole(KeyPair keys, String subject, String role, Instant expires) {
		return sign(keys,
				new JWTClaimsSet.Builder().subject(subject)
					.claim("roles", List.of(role))
					.issueTime(Date.from(Instant.now().minusSeconds(300)))
					.expirationTime(Date.from(expires))
					.build());
	}

	/** Any claims, signed with RS256. */
	public static String sign(KeyPair keys, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
