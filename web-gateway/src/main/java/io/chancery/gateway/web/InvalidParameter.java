package io.chancery.gateway.web;

import java.util.List;

/** A request parameter the gateway cannot accept: 400 naming it and what is accepted. */
public class InvalidParameter extends RuntimeException {

	private final String parameter;

	private final List<String> accepted;

	public InvalidParameter(String parameter, String message, List<String> accepted) {
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
