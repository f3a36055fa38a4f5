package io.chancery.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The chain every servlet service builds with {@link ServiceSecurity}, in a small
 * application of its own: an API key or a bearer token names the caller and its role, a
 * route needs the role the service named for it, a guarded route nobody named is refused
 * to everyone, a route outside the guarded ones is public and reads no credential, and
 * every refusal is problem+json.
 */
@SpringBootTest(classes = ServiceSecurityTests.Guarded.class,
		properties = { "chancery.security.api-keys[0].name=desk", "chancery.security.api-keys[0].role=editor",
				"chancery.security.api-keys[0].sha256=" + ServiceSecurityTests.EDITOR_DIGEST,
				"chancery.security.api-keys[1].name=ops", "chancery.security.api-keys[1].role=admin",
				"chancery.security.api-keys[1].sha256=" + ServiceSecurityTests.ADMIN_DIGEST })
@AutoConfigureMockMvc
class ServiceSecurityTests {

	static final String EDITOR = "editor-key";

	// SHA-256 of "editor-key" and of "admin-key", as an operator configures them.
	static final String EDITOR_DIGEST = "f2651e970e356ac5e72ae559a3a4ef3b181b7858285d4776904d8c36f10b69b9";

	static final String ADMIN = "admin-key";

	static final String ADMIN_DIGEST = "69a5265506c94c77b787a7d7377b7685a0eff82e33920a71e7ee22cd6154953e";

	private static final byte[] SECRET = "a secret of at least thirty-two bytes for HS256"
		.getBytes(StandardCharsets.UTF_8);

	@Autowired
	private MockMvc mvc;

	@Test
	void anApiKeyNamesItsHolderAndItsRole() throws Exception {
		this.mvc.perform(withKey(EDITOR, get("/api/v1/editorial/x")))
			.andExpect(status().isOk())
			.andExpect(content().string("api-key:desk ROLE_EDITOR"));
		this.mvc.perform(withKey(ADMIN, get("/api/v1/admin/x")))
			.andExpect(status().isOk())
			.andExpect(content().string("api-key:ops ROLE_ADMIN"));
	}

	@Test
	void aRouteNeedsTheRoleTheServiceNamedForIt() throws Exception {
		this.mvc.perform(get("/api/v1/admin/x"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(header().string("WWW-Authenticate", "Bearer, ApiKey header=\"X-Api-Key\""))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc.perform(withKey(EDITOR, get("/api/v1/admin/x")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("Forbidden"));
		// A guarded route nobody named is refused to everyone, the admin too.
		this.mvc.perform(withKey(ADMIN, post("/api/v1/editorial/x"))).andExpect(status().isForbidden());
	}

	@Test
	void aKeyThatMatchesNoneIsRefusedAtOnceRatherThanTakenAsAnonymous() throws Exception {
		this.mvc.perform(withKey("guessed-key", get("/api/v1/editorial/x")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("The API key is not valid"));
	}

	@Test
	void aRouteOutsideTheGuardedOnesIsPublicAndReadsNoCredential() throws Exception {
		this.mvc.perform(get("/api/v1/public")).andExpect(status().isOk()).andExpect(content().string("anonymous"));
		this.mvc.perform(withKey("guessed-key", get("/api/v1/public")))
			.andExpect(status().isOk())
			.andExpect(content().string("anonymous"));
	}

	@Test
	void aBearerTokenNamesItsSubjectAndItsRolesClaimGivesTheRoles() throws Exception {
		this.mvc
			.perform(bearer(token("5b0e2c4a", List.of("editor"), Instant.now().plusSeconds(60), SECRET),
					get("/api/v1/editorial/x")))
			.andExpect(status().isOk())
			.andExpect(content().string("jwt:5b0e2c4a ROLE_EDITOR"));
		this.mvc
			.perform(bearer(token("5b0e2c4a", List.of("editor"), Instant.now().plusSeconds(60), SECRET),
					get("/api/v1/admin/x")))
			.andExpect(status().isForbidden());
		// No roles claim: signed in, allowed nothing guarded.
		this.mvc
			.perform(bearer(token("reader", null, Instant.now().plusSeconds(60), SECRET), get("/api/v1/editorial/x")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anExpiredOrForeignTokenIsA401Problem() throws Exception {
		this.mvc
			.perform(bearer(token("5b0e2c4a", List.of("admin"), Instant.now().minusSeconds(600), SECRET),
					get("/api/v1/admin/x")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		byte[] foreign = "another secret of at least thirty-two bytes, not ours".getBytes(StandardCharsets.UTF_8);
		this.mvc
			.perform(bearer(token("5b0e2c4a", List.of("admin"), Instant.now().plusSeconds(60), foreign),
					get("/api/v1/admin/x")))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	private static MockHttpServletRequestBuilder withKey(String key, MockHttpServletRequestBuilder request) {
		return request.header("X-Api-Key", key);
	}

	private static MockHttpServletRequestBuilder bearer(String token, MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + token);
	}

	private static String token(String subject, @Nullable List<String> roles, Instant expires, byte[] secret)
			throws Exception {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).expirationTime(Date.from(expires));
		if (roles != null) {
			claims.claim("roles", roles);
		}
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
		jwt.sign(new MACSigner(secret));
		return jwt.serialize();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Guarded {

		@Bean
		SecurityFilterChain chain(HttpSecurity http, SecurityProperties properties, JwtDecoder jwtDecoder) {
			return ServiceSecurity.guardedRoutes(http, properties, jwtDecoder,
					new String[] { "/api/v1/admin/**", "/api/v1/editorial/**" },
					(routes) -> routes.requestMatchers("/api/v1/admin/**")
						.hasRole("ADMIN")
						.requestMatchers(HttpMethod.GET, "/api/v1/editorial/**")
						.hasAnyRole("EDITOR", "ADMIN"));
		}

		@Bean
		JwtDecoder jwtDecoder() {
			return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET, "HmacSHA256"))
				.macAlgorithm(MacAlgorithm.HS256)
				.build();
		}

		@Bean
		Caller caller() {
			return new Caller();
		}

	}

	/** Answers with who the chain says is calling, and with which roles. */
	@RestController
	static class Caller {

		@GetMapping({ "/api/v1/admin/x", "/api/v1/editorial/x", "/api/v1/public" })
		String get(@Nullable Authentication caller) {
			return describe(caller);
		}

		@PostMapping("/api/v1/editorial/x")
		String post(@Nullable Authentication caller) {
			return describe(caller);
		}

		private static String describe(@Nullable Authentication caller) {
			if (caller == null) {
				return "anonymous";
			}
			return caller.getName() + " "
					+ caller.getAuthorities()
						.stream()
						.map(GrantedAuthority::getAuthority)
						.collect(Collectors.joining(","));
		}

	}

}
