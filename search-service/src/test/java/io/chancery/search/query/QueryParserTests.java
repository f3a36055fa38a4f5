package io.chancery.search.query;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParserTests {

	@Test
	void wordsAreImplicitlyAnded() {
		assertThat(QueryParser.parse("кандидат выборы")).isEqualTo(
				new QueryNode.All(List.of(new QueryNode.Word("кандидат", false), new QueryNode.Word("выборы", false))));
	}

	@Test
	void orBindsLooserThanAnd() {
		assertThat(QueryParser.parse("a AND b OR c")).isEqualTo(new QueryNode.Any(
				List.of(new QueryNode.All(List.of(new QueryNode.Word("a", false), new QueryNode.Word("b", false))),
						new QueryNode.Word("c", false))));
	}

	@Test
	void notAndDashNegate() {
		assertThat(QueryParser.parse("treaty NOT draft")).isEqualTo(new QueryNode.All(
				List.of(new QueryNode.Word("treaty", false), new QueryNode.Not(new QueryNode.Word("draft", false)))));
		assertThat(QueryParser.parse("treaty -draft")).isEqualTo(QueryParser.parse("treaty NOT draft"));
	}

	@Test
	void dashInsideAWordIsPartOfIt() {
		assertThat(QueryParser.parse("e-mail")).isEqualTo(new QueryNode.Word("e-mail", false));
	}

	@Test
	void phrasesPrefixesAndParentheses() {
		assertThat(QueryParser.parse("\"press conference\" (negot* OR talks)")).isEqualTo(new QueryNode.All(List.of(
				new QueryNode.Phrase("press conference"),
				new QueryNode.Any(List.of(new QueryNode.Word("negot", true), new QueryNode.Word("talks", false))))));
	}

	@Test
	void lowerCaseOperatorsAreWords() {
		assertThat(QueryParser.parse("war and peace"))
			.isEqualTo(new QueryNode.All(List.of(new QueryNode.Word("war", false), new QueryNode.Word("and", false),
					new QueryNode.Word("peace", false))));
	}

	@Test
	void refusesWhatWouldBeExpensiveOrMalformed() {
		assertThatThrownBy(() -> QueryParser.parse("x".repeat(501))).hasMessageContaining("longer than 500");
		assertThatThrownBy(() -> QueryParser.parse("*ing")).hasMessageContaining("wildcard");
		assertThatThrownBy(() -> QueryParser.parse("ab*")).hasMessageContaining("prefix shorter");
		assertThatThrownBy(() -> QueryParser.parse("te?t")).hasMessageContaining("wildcard");
		assertThatThrownBy(() -> QueryParser.parse("\"open")).hasMessageContaining("unclosed quote");
		assertThatThrownBy(() -> QueryParser.parse("(a OR b")).hasMessageContaining("unclosed '('");
		assertThatThrownBy(() -> QueryParser.parse("a OR b)")).hasMessageContaining("unmatched ')'");
		assertThatThrownBy(() -> QueryParser.parse("a AND")).hasMessageContaining("ends with an operator");
		assertThatThrownBy(() -> QueryParser.parse("a AND OR b")).hasMessageContaining("where a word was expected");
		assertThatThrownBy(() -> QueryParser.parse("((((((a))))))")).hasMessageContaining("deeper than 5");
		assertThatThrownBy(() -> QueryParser.parse("a ".repeat(33))).hasMessageContaining("more than 32");
		assertThatThrownBy(() -> QueryParser.parse("   ")).hasMessageContaining("no words");
	}

	@Test
	void regexAndFieldSyntaxAreRefusedOrJustText() {
		assertThatThrownBy(() -> QueryParser.parse("/.*/")).hasMessageContaining("wildcard");
		assertThat(QueryParser.parse("/regex/")).isEqualTo(new QueryNode.Word("/regex/", false));
		assertThat(QueryParser.parse("title:secret")).isEqualTo(new QueryNode.Word("title:secret", false));
	}

}
