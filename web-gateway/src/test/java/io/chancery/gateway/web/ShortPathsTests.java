package io.chancery.gateway.web;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ShortPathsTests {

	/**
	 * The rule as a regular expression: segments of unreserved characters, none led by a
	 * dot.
	 */
	private static final Pattern PLAIN = Pattern.compile("(/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+");

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/articles", "/a", "/a.b", "/a/b.c-d_e~f", "/~x", "/-", "/_/0",
			"/api/v1/counters/c1", "", "/", "//", "/a/", "/a//b", "/.", "/..", "/a/.b", "/a/%2e", "/a b", "/a?b",
			"/a;b", "/é", "a/b", "/a/b/", "/A/Z/09" })
	void aPathIsPlainExactlyWhenItsSegmentsAreUnreservedAndNoneStartsWithADot(String path) {
		assertThat(ShortPaths.plain(path)).isEqualTo(PLAIN.matcher(path).matches());
	}

}
