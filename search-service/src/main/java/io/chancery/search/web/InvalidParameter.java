package io.chancery.search.web;

import java.util.List;

/**
 * A request parameter the service cannot accept; answered with 400 naming the parameter
 * and what it accepts.
 */
public class InvalidParameter extends RuntimeException {

	private final String parameter;

	private final List<String> accepted;

	public InvalidParameter(String parameter, String message, List<String> accepted) {
		super(message);
		this.parameter = parameter;
		this.accepted = List.copyOf(accepted);
	}

	public InvalidParameter(String parameter, String message) {
		this(parameter, message, List.of());
	}

	public String parameter() {
		return this.parameter;
	}

	public List<String> accepted() {
		return this.accepted;
	}

}
