package io.chancery.search.reading;

/** A keyword dimension results can be filtered, rejected and faceted by. */
public enum Dimension implements ParameterValue {

	TYPE("type", "type"), KIND("kind", "kind"), PERSON("person", "people"), TAG("tag", "tags"),
	LOCALE("locale", "locale");

	private final String parameter;

	private final String field;

	Dimension(String parameter, String field) {
		this.parameter = parameter;
		this.field = field;
	}

	/** The request parameter, also the facet's name in answers. */
	@Override
	public String parameter() {
		return this.parameter;
	}

	/** The index field. */
	String field() {
		return this.field;
	}

}
