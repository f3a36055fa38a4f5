package io.chancery.search.query;

import java.util.List;

/**
 * A parsed analyst query: words, prefixes and phrases combined with AND, OR and NOT.
 * Nothing in it is passed to Elasticsearch as query syntax; each node becomes a
 * structured query.
 */
public sealed interface QueryNode {

	/** A word, or a prefix when it ended with {@code *}. */
	record Word(String text, boolean prefix) implements QueryNode {
	}

	/** Words that must appear together, in order. */
	record Phrase(String text) implements QueryNode {
	}

	/** Every clause must match. */
	record All(List<QueryNode> clauses) implements QueryNode {
	}

	/** At least one clause must match. */
	record Any(List<QueryNode> clauses) implements QueryNode {
	}

	/** The clause must not match. */
	record Not(QueryNode clause) implements QueryNode {
	}

}
