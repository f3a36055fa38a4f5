package io.chancery.search.web;

/**
 * A preview link that does not open its item: altered or expired (401), or for another
 * item (403).
 */
public class PreviewRefused extends RuntimeException {

	private final int status;

	public PreviewRefused(int status, String message) {
		super(message);
		this.status = status;
	}

	public int status() {
		return this.status;
	}

}
