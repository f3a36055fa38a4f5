package io.chancery.search.reading;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How results are ordered. */
public enum Order {

	RELEVANCE("relevance"), NEWEST("newest"), OLDEST("oldest");

	private final String parameter;

	Order(String parameter) {
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

	static Optional<Order> of(String parameter) {
		return Arrays.stream(values()).filter((order) -> order.parameter.equals(parameter)).findFirst();
	}

	static List<String> names() {
		return Arrays.stream(values()).map(Order::parameter).toList();
	}

}
