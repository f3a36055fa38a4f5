package io.chancery.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the analyst query syntax: words (implicitly ANDed), {@code AND}, {@code OR},
 * {@code NOT} (upper case, as in most search boxes) or a leading {@code -}, parentheses,
 * {@code "quoted phrases"} and {@code prefix*}. The syntax is deliberately small: no
 * regular expressions, no field access, no scripts, no fuzzy or leading wildcards, and
 * caps on length, clauses and nesting, so no query can be made expensive.
 */
public final class QueryParser {

	/** Longest accepted query, in characters. */
	public static final int MAX_LENGTH = 500;

	/** Most words, phrases and prefixes in one query. */
	public static final int MAX_CLAUSES = 32;

	/** Deepest nesting of parentheses. */
	public static final int MAX_DEPTH = 5;

	/** Fewest characters before a {@code *}, so a prefix cannot match half the index. */
	public static final int MIN_PREFIX = 3;

	private final List<Token> tokens;

	private int position;

	private int clauses;

	private QueryParser(List<Token> tokens) {
		this.tokens = tokens;
	}

	/**
	 * Parses {@code text}.
	 * @return the query, never empty
	 * @throws QuerySyntaxException when the text breaks a rule, with a message for the
	 * user
	 */
	public static QueryNode parse(String text) {
		if (text.length() > MAX_LENGTH) {
			throw new QuerySyntaxException("is longer than " + MAX_LENGTH + " characters");
		}
		List<Token> tokens = tokenize(text);
		if (tokens.isEmpty()) {
			throw new QuerySyntaxException("has no words to search for");
		}
		QueryParser parser = new QueryParser(tokens);
		QueryNode query = parser.any(0);
		if (parser.position < tokens.size()) {
			throw new QuerySyntaxException("has an unmatched ')'");
		}
		return query;
	}

	private QueryNode any(int depth) {
		List<QueryNode> clauses = new ArrayList<>();
		clauses.add(all(depth));
		while (peek(Kind.OR)) {
			this.position++;
			clauses.add(all(depth));
		}
		return (clauses.size() == 1) ? clauses.get(0) : new QueryNode.Any(List.copyOf(clauses));
	}

	private QueryNode all(int depth) {
		List<QueryNode> clauses = new ArrayList<>();
		clauses.add(unary(depth));
		while (this.position < this.tokens.size() && !peek(Kind.OR) && !peek(Kind.CLOSE)) {
			if (peek(Kind.AND)) {
				this.position++;
			}
			clauses.add(unary(depth));
		}
		return (clauses.size() == 1) ? clauses.get(0) : new QueryNode.All(List.copyOf(clauses));
	}

	private QueryNode unary(int depth) {
		if (peek(Kind.NOT)) {
			this.position++;
			return new QueryNode.Not(unary(depth));
		}
		return primary(depth);
	}

	private QueryNode primary(int depth) {
		if (this.position >= this.tokens.size()) {
			throw new QuerySyntaxException("ends with an operator; put a word after AND, OR or NOT");
		}
		Token token = this.tokens.get(this.position++);
		return switch (token.kind()) {
			case OPEN -> {
				if (depth + 1 > MAX_DEPTH) {
					throw new QuerySyntaxException("nests parentheses deeper than " + MAX_DEPTH);
				}
				QueryNode inner = any(depth + 1);
				if (!peek(Kind.CLOSE)) {
					throw new QuerySyntaxException("has an unclosed '('");
				}
				this.position++;
				yield inner;
			}
			case WORD -> clause(word(token.text()));
			case PHRASE -> clause(new QueryNode.Phrase(token.text()));
			case CLOSE -> throw new QuerySyntaxException("has a ')' where a word was expected");
			case AND, OR, NOT -> throw new QuerySyntaxException(
					"has " + token.kind() + " where a word was expected; write two operators apart");
		};
	}

	private QueryNode clause(QueryNode node) {
		if (++this.clauses > MAX_CLAUSES) {
			throw new QuerySyntaxException("has more than " + MAX_CLAUSES + " words, phrases and prefixes");
		}
		return node;
	}

	private static QueryNode word(String text) {
		int star = text.indexOf('*');
		if (star < 0 && text.indexOf('?') < 0) {
			return new QueryNode.Word(text, false);
		}
		if (star != text.length() - 1 || text.indexOf('?') >= 0) {
			throw new QuerySyntaxException(
					"uses a wildcard inside a word ('" + text + "'); only a trailing * (prefix) is supported");
		}
		String prefix = text.substring(0, star);
		if (prefix.codePointCount(0, prefix.length()) < MIN_PREFIX) {
			throw new QuerySyntaxException(
					"has a prefix shorter than " + MIN_PREFIX + " characters before '*' ('" + text + "')");
		}
		return new QueryNode.Word(prefix, true);
	}

	private boolean peek(Kind kind) {
		return this.position < this.tokens.size() && this.tokens.get(this.position).kind() == kind;
	}

	private static List<Token> tokenize(String text) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c)) {
				i++;
			}
			else if (c == '(' || c == ')') {
				tokens.add(new Token((c == '(') ? Kind.OPEN : Kind.CLOSE, String.valueOf(c)));
				i++;
			}
			else if (c == '"') {
				int end = text.indexOf('"', i + 1);
				if (end < 0) {
					throw new QuerySyntaxException("has an unclosed quote");
				}
				String phrase = text.substring(i + 1, end).strip();
				if (!phrase.isEmpty()) {
					tokens.add(new Token(Kind.PHRASE, phrase));
				}
				i = end + 1;
			}
			else if (c == '-' && (i + 1 < text.length()) && !Character.isWhitespace(text.charAt(i + 1))) {
				// "-word" is NOT word; a dash inside a word stays part of it.
				tokens.add(new Token(Kind.NOT, "-"));
				i++;
			}
			else {
				int start = i;
				while (i < text.length() && !Character.isWhitespace(text.charAt(i))
						&& "()\"".indexOf(text.charAt(i)) < 0 && !Character.isISOControl(text.charAt(i))) {
					i++;
				}
				String word = text.substring(start, i);
				tokens.add(switch (word) {
					case "AND", "&&" -> new Token(Kind.AND, word);
					case "OR", "||" -> new Token(Kind.OR, word);
					case "NOT" -> new Token(Kind.NOT, word);
					default -> new Token(Kind.WORD, word.startsWith("+") ? word.substring(1) : word);
				});
				if (tokens.get(tokens.size() - 1).text().isEmpty()) {
					tokens.remove(tokens.size() - 1);
				}
			}
		}
		return tokens;
	}

	private enum Kind {

		WORD, PHRASE, AND, OR, NOT, OPEN, CLOSE

	}

	private record Token(Kind kind, String text) {
	}

}
