package io.chancery.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.MethodParameter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The query parameters one route accepts, and which of them take several values. A query
 * passes {@link #check} before the route reads it: a parameter the route does not know is
 * refused rather than ignored (a mistyped {@code ?tags=} would otherwise answer a
 * different question than the caller asked, and look like success), and so is a second
 * value of one that takes one (which of the two would count?).
 */
public final class QueryParameters {

	/** A route that takes no query parameter. */
	public static final QueryParameters NONE = new QueryParameters(Set.of(), Set.of());

	private final Set<String> names;

	private final Set<String> repeatable;

	private QueryParameters(Collection<String> single, Collection<String> repeatable) {
		TreeSet<String> names = new TreeSet<>(single);
		names.addAll(repeatable);
		this.names = java.util.Collections.unmodifiableSet(names);
		this.repeatable = Set.copyOf(repeatable);
	}

	/**
	 * @param single the parameters that take one value
	 * @param repeatable those that take several (the parameter repeated)
	 */
	public static QueryParameters of(Collection<String> single, Collection<String> repeatable) {
		return new QueryParameters(single, repeatable);
	}

	/** Parameters that each take one value. */
	public static QueryParameters single(String... names) {
		return new QueryParameters(List.of(names), List.of());
	}

	/**
	 * The {@code @RequestParam}s of a handler method; an array or collection parameter
	 * takes several values.
	 */
	public static QueryParameters ofRequestParams(HandlerMethod method) {
		List<String> single = new ArrayList<>();
		List<String> repeatable = new ArrayList<>();
		for (MethodParameter parameter : method.getMethodParameters()) {
			RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
			if (annotation == null) {
				continue;
			}
			String name = annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name();
			if (name == null) {
				continue;
			}
			Class<?> type = parameter.getParameterType();
			boolean several = type.isArray() || Collection.class.isAssignableFrom(type);
			(several ? repeatable : single).add(name);
		}
		return QueryParameters.of(single, repeatable);
	}

	/** Every name this route accepts, sorted: what a refusal lists. */
	public Set<String> names() {
		return this.names;
	}

	public boolean repeatable(String name) {
		return this.repeatable.contains(name);
	}

	/**
	 * Checks a servlet request's parameters.
	 * @throws InvalidParameter for the first parameter the route cannot take as given
	 */
	public void check(Map<String, String[]> query) {
		query.forEach((name, values) -> check(name, values.length));
	}

	/**
	 * Checks a reactive request's query parameters.
	 * @throws InvalidParameter for the first parameter the route cannot take as given
	 */
	public void check(MultiValueMap<String, String> query) {
		query.forEach((name, values) -> check(name, values.size()));
	}

	private void check(String name, int values) {
		if (!this.names.contains(name)) {
			throw new InvalidParameter(name, "is not a parameter of this route", List.copyOf(this.names));
		}
		if (values > 1 && !this.repeatable.contains(name)) {
			throw new InvalidParameter(name, "is given more than once", List.of("one value"));
		}
	}

	@Override
	public String toString() {
		return this.names.toString();
	}

}
