package io.chancery.search.query;

/** The query text breaks a rule of the syntax; the message says which, for the user. */
public class QuerySyntaxException extends RuntimeException {

	QuerySyntaxException(String message) {
		super(message);
	}

}
