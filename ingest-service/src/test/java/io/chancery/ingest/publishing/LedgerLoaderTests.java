package io.chancery.ingest.publishing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger reads only a message's top-level revision, wherever it stands, and ignores a
 * revision nested deeper.
 */
class LedgerLoaderTests {

	@Test
	void readsTheTopLevelRevisionWithoutReadingTheRestOfTheMessage() {
		assertThat(revision("{\"id\":\"a\",\"locale\":\"en\",\"revision\":42,\"body\":\"<p>x</p>\"}")).isEqualTo(42);
		// The rest is never parsed: a message cut short after its revision still tells
		// it.
		assertThat(revision("{\"id\":\"a\",\"revision\":7,\"body\":\"<p>cut")).isEqualTo(7);
	}

	@Test
	void findsARevisionAfterNestedValuesAndIgnoresNestedRevisions() {
		assertThat(revision("""
				{"id":"a","withdrawal":{"revision":99,"note":"n"},"tags":["x",{"revision":98}],"revision":3}"""))
			.isEqualTo(3);
	}

	@Test
	void noRevisionIsZero() {
		assertThat(revision("{\"id\":\"a\",\"nested\":{\"revision\":5}}")).isZero();
		assertThat(revision("{\"revision\":\"3\"}")).isZero();
		assertThat(revision("[1,2]")).isZero();
	}

	private static long revision(String json) {
		return LedgerLoader.revision(json.getBytes(StandardCharsets.UTF_8));
	}

}
