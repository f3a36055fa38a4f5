package io.chancery.search.web;

/** Nothing is published under the requested address; answered with 404. */
public class NotFound extends RuntimeException {

	public NotFound(String message) {
		super(message);
	}

}
