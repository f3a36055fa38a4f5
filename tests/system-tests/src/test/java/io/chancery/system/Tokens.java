package io.chancery.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;

import io.chancery.security.TestTokens;

/** JWTs for the system tests: signed by a key the platform trusts, or by a stranger's. */
final class Tokens {

	private static final KeyPair trusted = TestTokens.keyPair();

	private static final KeyPair stranger = TestTokens.keyPair();

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
		return TestTokens.withRole(keys, "system-test", role, expires);
	}

}
