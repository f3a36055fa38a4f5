package io.chancery.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A query parameter a route cannot use: answered 400 with a problem that names it and
 * lists what it accepts, in every service alike.
 */
public class InvalidParameter extends RuntimeException {

	private final String parameter;

	private final List<String> accepted;

	/**
	 * @param parameter the parameter's name
	 * @param message what is wrong, following "Parameter 'name' ", as in "is given more
	 * than once"
	 * @param accepted what the parameter (or the route) accepts; a list, empty when
	 * nothing is worth listing
	 */
	public InvalidParameter(String parameter, String message, List<String> accepted) {
		super(message);
		this.parameter = parameter;
		this.accepted = List.copyOf(accepted);
	}

	/**
	 * A whole number from {@code min} to {@code max}, or the problem saying so.
	 * @param name the parameter's name
	 * @param value what it was given
	 */
	public static long wholeNumber(String name, String value, long min, long max) {
		try {
			long number = Long.parseLong(value);
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Answered below.
		}
		throw new InvalidParameter(name, "must be a whole number from " + min + " to " + max,
				List.of(min + ".." + max));
	}

	public String parameter() {
		return this.parameter;
	}

	public List<String> accepted() {
		return this.accepted;
	}

	/**
	 * The answer: {@code parameter} and {@code accepted} (always a list) beside the
	 * detail.
	 */
	public ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Parameter '" + this.parameter + "' " + getMessage());
		problem.setTitle("Invalid parameter");
		problem.setProperty("parameter", this.parameter);
		problem.setProperty("accepted", this.accepted);
		return problem;
	}

}
