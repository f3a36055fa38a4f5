package io.chancery.search.web;

/** The item was withdrawn for good; answered with 410. */
public class Gone extends RuntimeException {

	public Gone(String message) {
		super(message);
	}

}
