package io.chancery.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** JWTs for the system tests: signed by a key the platform trusts, or by a stranger's. */
final class Tokens {

	private static final KeyPair trusted = generate();

	private static final KeyPair stranger = generate();

	private static Path pem;

	private Tokens() {
	}

	/** The trusted public key as a PEM file, written once. */
	static synchronized Path publicKeyPem() {
		if (pem == null) {
			try {
				pem = Files.createTempFile("chancery-system-jwt", ".pem");
				pem.toFile().deleteOnExit();
				Files.writeString(pem,
						"-----BEGIN PUBLIC KEY-----\n"
								+ Base64.getMimeEncoder().encodeToString(trusted.getPublic().getEncoded())
								+ "\n-----END PUBLIC KEY-----\n");
				// The services may run as another user than the tests.
				pem.toFile().setReadable(true, false);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return pem;
	}

	static String valid(String role) {
		return sign(trusted, role, Instant.now().plusSeconds(600));
	}

	static String expired(String role) {
		return sign(trusted, role, Instant.now().minusSeconds(120));
	}

	static String wronglySigned(String role) {
		return sign(stranger, role, Instant.now().plusSeconds(600));
	}

	private static String sign(KeyPair keys, String role, Instant expires) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256),
					new JWTClaimsSet.Builder().subject("system-test")
						.claim("roles", List.of(role))
						.issueTime(Date.from(Instant.now().minusSeconds(300)))
						.expirationTime(Date.from(expires))
						.build());
			jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
