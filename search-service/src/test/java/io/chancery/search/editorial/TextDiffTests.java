package io.chancery.search.editorial;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextDiffTests {

	@Test
	void wordsAddedAndRemovedAreRunsBetweenTheSharedOnes() {
		TextDiff diff = TextDiff.of("body", "It is an honour to welcome you.",
				"It is a great pleasure to welcome you all.");

		assertThat(diff.changed()).isTrue();
		assertThat(diff.parts()).containsExactly(new TextDiff.Part("same", "It is "),
				new TextDiff.Part("removed", "an honour "), new TextDiff.Part("added", "a great pleasure "),
				new TextDiff.Part("same", "to welcome "), new TextDiff.Part("removed", "you."),
				new TextDiff.Part("added", "you all."));
	}

	@Test
	void theRunsGiveBackBothTexts() {
		String before = "Remarks at the reception\nmarking the national day";
		String after = "Remarks  at the national reception";
		TextDiff diff = TextDiff.of("title", before, after);

		assertThat(diff.before()).isEqualTo(before);
		assertThat(diff.after()).isEqualTo(after);
	}

	@Test
	void equalOrMissingTextsHaveNoChange() {
		assertThat(TextDiff.of("lead", "Same words", "Same words").changed()).isFalse();
		assertThat(TextDiff.of("lead", null, "").parts()).isEmpty();
		assertThat(TextDiff.of("lead", null, "New").parts()).containsExactly(new TextDiff.Part("added", "New"));
	}

}
