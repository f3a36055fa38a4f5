package io.chancery.search.reading;

/** The date a range or a histogram applies to. */
public enum DateField implements ParameterValue {

	/** The item's own date: an article's publication, an event's day. */
	DATE("date", "sortDate"), DELIVERED("delivered", "deliveredAt"), PUBLISHED("published", "publishedAt"),
	UPDATED("updated", "updatedAt"), EVENT("event", "date");

	private final String parameter;

	private final String field;

	DateField(String parameter, String field) {
		this.parameter = parameter;
		this.field = field;
	}

	@Override
	public String parameter() {
		return this.parameter;
	}

	String field() {
		return this.field;
	}

}
