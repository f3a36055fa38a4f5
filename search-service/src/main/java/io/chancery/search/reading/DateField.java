package io.chancery.search.reading;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The date a range or a histogram applies to. */
public enum DateField {

	/** The item's own date: an article's publication, an event's day. */
	DATE("date", "sortDate"), DELIVERED("delivered", "deliveredAt"), PUBLISHED("published", "publishedAt"),
	UPDATED("updated", "updatedAt"), EVENT("event", "date");

	private final String parameter;

	private final String field;

	DateField(String parameter, String field) {
		this.parameter = parameter;
		this.field = field;
	}

	String parameter() {
		return this.parameter;
	}

	String field() {
		return this.field;
	}

	static Optional<DateField> of(String parameter) {
		return Arrays.stream(values()).filter((date) -> date.parameter.equals(parameter)).findFirst();
	}

	static List<String> names() {
		return Arrays.stream(values()).map(DateField::parameter).toList();
	}

}
