package io.chancery.search.web;

/** The request clashes with work in progress, such as a running reindex; 409. */
public class Conflict extends RuntimeException {

	public Conflict(String message) {
		super(message);
	}

}
