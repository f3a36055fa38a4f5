package io.chancery.counter.web;

import java.util.List;

/**
 * A query parameter that cannot be used; answered with 400 naming the forms that are
 * accepted.
 */
public class InvalidParameter extends RuntimeException {

	private final String parameter;

	private final List<String> accepted;

	InvalidParameter(String parameter, String message, List<String> accepted) {
		super(message);
		this.parameter = parameter;
		this.accepted = List.copyOf(accepted);
	}

	public String parameter() {
		return this.parameter;
	}

	public List<String> accepted() {
		return this.accepted;
	}

}
