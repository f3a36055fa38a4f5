package io.chancery.ingest;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Editors with a JWT from the configured issuer may write; expired, wrongly signed and
 * wrong-role tokens may not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ChanceryInfrastructureConfiguration.class)
class JwtAuthenticationIntegrationTests {

	private static final KeyPair TRUSTED = rsa();

	private static final KeyPair FORGED = rsa();

	@DynamicPropertySource
	static void trustOneKey(DynamicPropertyRegistry registry) throws Exception {
		Path pem = Files.createTempFile("jwt-public", ".pem");
		pem.toFile().deleteOnExit();
		Files.writeString(pem,
				"-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder().encodeToString(TRUSTED.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
	}

	@Value("http://127.0.0.1:${local.server.port}")
	private String base;

	@Value("http://127.0.0.1:${local.management.port}")
	private String management;

	private IngestClient client;

	@BeforeEach
	void ready() {
		this.client = new IngestClient(this.base);
		IngestClient.awaitReady(this.management);
	}

	@Test
	void editorTokenMayWrite() throws Exception {
		assertThat(post(token(TRUSTED, List.of("editor"), Instant.now().plusSeconds(300))).statusCode()).isEqualTo(201);
	}

	@Test
	void expiredForgedAndWrongRoleTokensMayNot() throws Exception {
		assertThat(post(token(TRUSTED, List.of("editor"), Instant.now().minusSeconds(600))).statusCode())
			.isEqualTo(401);
		assertThat(post(token(FORGED, List.of("editor"), Instant.now().plusSeconds(300))).statusCode()).isEqualTo(401);
		HttpResponse<String> reader = post(token(TRUSTED, List.of("reader"), Instant.now().plusSeconds(300)));
		assertThat(reader.statusCode()).isEqualTo(403);
		assertThat(reader.body()).contains("\"status\":403");
		assertThat(post("not.a.jwt").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> post(String token) throws Exception {
		String id = "jwt-" + UUID.randomUUID().toString().substring(0, 8);
		return this.client.send("POST", "/api/v1/articles", "application/json", Fixtures.article(id, "en", "Token"),
				"Authorization", "Bearer " + token);
	}

	private static String token(KeyPair key, List<String> roles, Instant expires) throws Exception {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("editor@example.org")
			.claim("roles", roles)
			.issueTime(Date.from(expires.minusSeconds(900)))
			.expirationTime(Date.from(expires))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
		return jwt.serialize();
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
