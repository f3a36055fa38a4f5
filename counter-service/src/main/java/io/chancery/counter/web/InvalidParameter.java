package io.chancery.counter.web;

/**
 * A query parameter that cannot be used; answered with 400 naming the forms that are
 * accepted.
 */
public class InvalidParameter extends RuntimeException {

	private final String parameter;

	private final String acceptedForms;

	InvalidParameter(String parameter, String message, String acceptedForms) {
		super(message);
		this.parameter = parameter;
		this.acceptedForms = acceptedForms;
	}

	public String parameter() {
		return this.parameter;
	}

	public String acceptedForms() {
		return this.acceptedForms;
	}

}
