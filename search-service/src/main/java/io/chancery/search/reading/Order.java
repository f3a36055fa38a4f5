package io.chancery.search.reading;

/** How results are ordered. */
public enum Order implements ParameterValue {

	RELEVANCE("relevance"), NEWEST("newest"), OLDEST("oldest");

	private final String parameter;

	Order(String parameter) {
		this.parameter = parameter;
	}

	@Override
	public String parameter() {
		return this.parameter;
	}

}
