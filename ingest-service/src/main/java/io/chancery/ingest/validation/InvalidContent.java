package io.chancery.ingest.validation;

import java.util.List;

/**
 * A request that is well-formed JSON but breaks the content rules; answered with 422 and
 * every violation.
 */
public class InvalidContent extends RuntimeException {

	private final List<Violation> violations;

	public InvalidContent(List<Violation> violations) {
		super(violations.size() + " invalid field(s): " + violations.get(0).field() + " " + violations.get(0).message()
				+ ((violations.size() > 1) ? ", …" : ""));
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

	/**
	 * One broken rule.
	 *
	 * @param field the JSON path of the field, for example {@code contacts[0].emails[1]}
	 * @param message what is wrong, in words an editor understands
	 */
	public record Violation(String field, String message) {
	}

}
