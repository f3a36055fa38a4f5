package io.chancery.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalesTests {

	private static final List<String> SITE = List.of("ru", "en");

	@Test
	void noLocaleOrABlankOneIsTheDefault() {
		assertThat(Locales.chosen(null, "en", SITE)).isEqualTo("en");
		assertThat(Locales.chosen("  ", "en", SITE)).isEqualTo("en");
		assertThat(Locales.chosen(" ru ", "en", SITE)).isEqualTo("ru");
	}

	@Test
	void aLocaleTheSiteDoesNotPublishInIsRefusedWithTheSitesLocalesSorted() {
		assertThatExceptionOfType(InvalidParameter.class).isThrownBy(() -> Locales.chosen("fr", "en", SITE))
			.satisfies((refused) -> {
				assertThat(refused.parameter()).isEqualTo("locale");
				assertThat(refused.accepted()).containsExactly("en", "ru");
				assertThat(refused.problem().getDetail())
					.isEqualTo("Parameter 'locale' names 'fr', which is not a locale of this site");
			});
	}

	@Test
	void whatTheCallerSentIsEchoedShortened() {
		InvalidParameter refused = Locales.unknown("reject-locale", "x".repeat(5_000), SITE);
		assertThat(refused.parameter()).isEqualTo("reject-locale");
		assertThat(refused.getMessage()).hasSizeLessThan(120).contains("x".repeat(60) + "…");
	}

}
