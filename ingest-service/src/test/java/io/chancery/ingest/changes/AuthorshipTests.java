package io.chancery.ingest.changes;

import java.time.Instant;
import java.util.List;

import io.chancery.contracts.Attribution;
import io.chancery.contracts.ChangeAction;
import io.chancery.contracts.MajorChange;
import io.chancery.ingest.publishing.Previous;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorshipTests {

	private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

	@AfterEach
	void forgetTheCaller() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void anApiKeyIsRecordedByItsName() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("api-key:press-office", null,
					List.of(new SimpleGrantedAuthority("ROLE_EDITOR"))));

		Attribution change = Authorship.current(ChangeAction.CHANGED, new ChangeNote("Fixed a <b>typo</b>", null), NOW,
				null, "key-1", null);

		assertThat(change).isEqualTo(new Attribution("api-key:press-office", "press-office", NOW, ChangeAction.CHANGED,
				"Fixed a typo", false, null, "key-1", null));
	}

	@Test
	void aTokenIsRecordedByItsSubjectAndCalledByItsName() {
		Jwt jwt = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("5b0e2c4a")
			.claim("name", "Anna Petrova")
			.build();
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, List.of()));

		Attribution change = Authorship.current(ChangeAction.RESTORED, new ChangeNote("Back to the agreed text", true),
				NOW, null, null, 2L);

		assertThat(change.author()).isEqualTo("jwt:5b0e2c4a");
		assertThat(change.authorName()).isEqualTo("Anna Petrova");
		assertThat(change.major()).isTrue();
		assertThat(change.restoredFrom()).isEqualTo(2L);
	}

	@Test
	void aChangeToAnItemWithoutRevisionsPublishesIt() {
		Attribution change = Authorship.current(ChangeAction.CHANGED, null, NOW, "catalog", null, null);

		Previous none = new Previous(0, null, false);
		Previous published = new Previous(3, null, false);
		Previous drafted = new Previous(3, null, true);
		assertThat(Authorship.settle(change, none, false).action()).isEqualTo(ChangeAction.PUBLISHED);
		assertThat(Authorship.settle(change, published, false).action()).isEqualTo(ChangeAction.CHANGED);
		assertThat(Authorship.settle(change, drafted, false).action()).as("a draft published")
			.isEqualTo(ChangeAction.PUBLISHED);
		assertThat(Authorship.settle(change, none, true).action()).isEqualTo(ChangeAction.DRAFTED);
		assertThat(Authorship.settle(change, drafted, true).action()).isEqualTo(ChangeAction.DRAFTED);
		assertThat(Authorship.settle(change.withAction(ChangeAction.RESTORED), none, false).action())
			.isEqualTo(ChangeAction.RESTORED);
		assertThat(change.importId()).isEqualTo("catalog");
	}

	@Test
	void aMajorChangeIsTheItemsLatestAndAMinorOneCarriesTheOneBefore() {
		MajorChange before = new MajorChange(Instant.parse("2026-12-01T08:00:00Z"), "Corrected the date");
		Attribution major = Authorship.current(ChangeAction.CHANGED, new ChangeNote("Added the transcript", true), NOW,
				null, null, null);
		Attribution minor = Authorship.current(ChangeAction.CHANGED, new ChangeNote("Typo", false), NOW, null, null,
				null);

		assertThat(Authorship.majorChange(major, new Previous(3, before, false), false))
			.isEqualTo(new MajorChange(NOW, "Added the transcript"));
		assertThat(Authorship.majorChange(minor, new Previous(3, before, false), false)).isEqualTo(before);
		assertThat(Authorship.majorChange(minor, new Previous(0, null, false), false)).isNull();
		assertThat(Authorship.majorChange(major, new Previous(0, null, true), true)).as("a draft is not public")
			.isNull();
	}

}
