package io.chancery.search.reading.listings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.chancery.search.web.PreviewRefused;
import org.junit.jupiter.api.Test;

import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PreviewTokensTests {

	private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

	private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

	private static final String ITEM = "articles/speech-1:en";

	@Test
	void aLinkOpensItsItemUntilItExpires() {
		PreviewTokens.Issued issued = tokens(SECRET, NOW).issue(ITEM, Duration.ofHours(2));

		assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
		assertThatNoException().isThrownBy(() -> tokens(SECRET, NOW.plusSeconds(7_199)).check(issued.token(), ITEM));
		assertThat(refusal(tokens(SECRET, NOW.plusSeconds(7_200)), issued.token(), ITEM).status()).isEqualTo(401);
	}

	@Test
	void anAlteredLinkOrOneSignedWithAnotherSecretIsRefused() {
		String token = tokens(SECRET, NOW).issue(ITEM, null).token();
		String otherPayload = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("articles/speech-2:en\n" + NOW.plusSeconds(60).getEpochSecond()).getBytes());

		assertThat(refusal(tokens(SECRET, NOW), otherPayload + token.substring(token.indexOf('.')), ITEM).status())
			.isEqualTo(401);
		assertThat(refusal(tokens(SECRET, NOW), "not-a-token", ITEM).status()).isEqualTo(401);
		assertThat(refusal(tokens(SECRET + "-rotated", NOW), token, ITEM).status()).as("the secret rotated")
			.isEqualTo(401);
	}

	@Test
	void aLinkForAnotherItemIsForbidden() {
		String token = tokens(SECRET, NOW).issue(ITEM, null).token();

		assertThat(refusal(tokens(SECRET, NOW), token, "articles/speech-1:ru").status()).isEqualTo(403);
	}

	@Test
	void withoutASecretNoLinkIsIssuedAndAShortOneIsRefusedAtStart() {
		assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(() -> tokens(null, NOW).issue(ITEM, null))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(503));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PreviewTokens.Properties("too-short", Duration.ofDays(7)));
	}

	private static PreviewRefused refusal(PreviewTokens tokens, String token, String item) {
		try {
			tokens.check(token, item);
		}
		catch (PreviewRefused ex) {
			return ex;
		}
		throw new AssertionError("the link opened " + item);
	}

	private static PreviewTokens tokens(String secret, Instant now) {
		return new PreviewTokens(new PreviewTokens.Properties(secret, Duration.ofDays(7)),
				Clock.fixed(now, ZoneOffset.UTC));
	}

}
