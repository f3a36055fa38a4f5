package io.chancery.search.reading;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enum whose constants a query parameter names by their {@link #parameter()} word: a
 * date field, an order, a histogram's interval, a dimension.
 */
interface ParameterValue {

	/** The word a request uses for this value. */
	String parameter();

	/** The value a request's word names, if any. */
	static <E extends Enum<E> & ParameterValue> Optional<E> of(Class<E> type, String parameter) {
		return Arrays.stream(type.getEnumConstants())
			.filter((value) -> value.parameter().equals(parameter))
			.findFirst();
	}

	/** Every word a request may use, in declaration order. */
	static <E extends Enum<E> & ParameterValue> List<String> names(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(ParameterValue::parameter).toList();
	}

}
