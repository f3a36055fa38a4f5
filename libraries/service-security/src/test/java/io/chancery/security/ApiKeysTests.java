package io.chancery.security;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTests {

	private final ApiKeys keys = new ApiKeys(List.of(
			new SecurityProperties.ApiKey("desk", "editor",
					ServiceSecurityTests.EDITOR_DIGEST.toUpperCase(Locale.ROOT)),
			new SecurityProperties.ApiKey("ops", "Admin", ServiceSecurityTests.ADMIN_DIGEST)));

	@Test
	void aKeyIsKnownByItsDigestWhicheverCaseTheDigestWasConfiguredIn() {
		Authentication desk = this.keys.check(ServiceSecurityTests.EDITOR);

		assertThat(desk).isNotNull();
		assertThat(desk.isAuthenticated()).isTrue();
		assertThat(desk.getName()).isEqualTo("api-key:desk");
		assertThat(desk.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_EDITOR");
		assertThat(desk.getCredentials()).as("the key is not kept").isNull();
	}

	@Test
	void theRoleIsSpringsRoleWhateverItsCase() {
		Authentication ops = this.keys.check(ServiceSecurityTests.ADMIN);

		assertThat(ops).isNotNull();
		assertThat(ops.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ADMIN");
	}

	@Test
	void aKeyThatMatchesNoDigestIsUnknown() {
		assertThat(this.keys.check("guessed-key")).isNull();
		assertThat(this.keys.check("")).isNull();
		assertThat(new ApiKeys(List.of()).check(ServiceSecurityTests.EDITOR)).isNull();
	}

	@Test
	void theDigestIsSha256OfTheKeysUtf8Bytes() {
		// echo -n 'abc' | sha256sum
		assertThat(HexFormat.of().formatHex(ApiKeys.sha256("abc")))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

}
