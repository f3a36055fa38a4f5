package io.chancery.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.chancery.infrastructure.ChanceryInfrastructureConfiguration;
import io.chancery.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Editors with a JWT from the configured issuer, for the configured audience, signed with
 * the trusted key in RS256, may write; expired, forged, unsigned, wrongly addressed and
 * wrong-role tokens may not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({ ChanceryInfrastructureConfiguration.class, IngestClients.class })
class JwtAuthenticationIntegrationTests {

	private static final String ISSUER = "https://login.example.org/realms/chancery";

	private static final String AUDIENCE = "chancery";

	private static final KeyPair TRUSTED = TestTokens.keyPair();

	private static final KeyPair FORGED = TestTokens.keyPair();

	/** The issuer's key set, as an identity provider publishes it. */
	private static final HttpServer KEYS = keys();

	@DynamicPropertySource
	static void trustOneIssuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + KEYS.getAddress().getPort() + "/keys");
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
	}

	@AfterAll
	static void stopKeys() {
		KEYS.stop(0);
	}

	private static HttpServer keys() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			byte[] keySet = new JWKSet(new RSAKey.Builder((RSAPublicKey) TRUSTED.getPublic()).keyID("trusted").build())
				.toString()
				.getBytes(StandardCharsets.UTF_8);
			server.createContext("/keys", (exchange) -> {
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, keySet.length);
				exchange.getResponseBody().write(keySet);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	private IngestClient client;

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

	@Test
	void tokensForAnotherAudienceOrFromAnotherIssuerMayNot() throws Exception {
		Instant expires = Instant.now().plusSeconds(300);
		assertThat(post(sign(TRUSTED, claims(ISSUER, "another-api", expires))).statusCode()).isEqualTo(401);
		assertThat(post(sign(TRUSTED, claims(ISSUER, null, expires))).statusCode()).isEqualTo(401);
		HttpResponse<String> issuer = post(sign(TRUSTED, claims("https://login.example.com/", AUDIENCE, expires)));
		assertThat(issuer.statusCode()).isEqualTo(401);
		assertThat(issuer.headers().firstValue("Content-Type")).contains("application/problem+json;charset=UTF-8");
		assertThat(post(sign(TRUSTED, claims(null, AUDIENCE, expires))).statusCode()).isEqualTo(401);
	}

	@Test
	void unsignedTokensAndOtherAlgorithmsMayNot() throws Exception {
		JWTClaimsSet claims = claims(ISSUER, AUDIENCE, Instant.now().plusSeconds(300));
		// alg: none, the claims as the trusted issuer would write them.
		assertThat(post(new PlainJWT(claims).serialize()).statusCode()).isEqualTo(401);
		// HS256 keyed with the public key's bytes: the confusion that accepts a forgery
		// where an algorithm is taken from the token.
		SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		hmac.sign(new MACSigner(
				java.security.MessageDigest.getInstance("SHA-256").digest(TRUSTED.getPublic().getEncoded())));
		assertThat(post(hmac.serialize()).statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> post(String token) throws Exception {
		String id = "jwt-" + UUID.randomUUID().toString().substring(0, 8);
		return this.client.send("POST", "/api/v1/articles", "application/json", Fixtures.article(id, "en", "Token"),
				"Authorization", "Bearer " + token);
	}

	private static String token(KeyPair key, List<String> roles, Instant expires) throws Exception {
		return sign(key, new JWTClaimsSet.Builder(claims(ISSUER, AUDIENCE, expires)).claim("roles", roles).build());
	}

	private static JWTClaimsSet claims(String issuer, String audience, Instant expires) {
		return new JWTClaimsSet.Builder().subject("editor@example.org")
			.issuer(issuer)
			.audience(audience)
			.claim("roles", List.of("editor"))
			.issueTime(Date.from(expires.minusSeconds(900)))
			.expirationTime(Date.from(expires))
			.build();
	}

	private static String sign(KeyPair key, JWTClaimsSet claims) {
		return TestTokens.sign(key, claims);
	}

}
