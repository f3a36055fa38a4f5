package io.chancery.search.reading;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A keyword dimension results can be filtered, rejected and faceted by. */
public enum Dimension {

	TYPE("type", "type"), KIND("kind", "kind"), PERSON("person", "people"), TAG("tag", "tags"),
	LOCALE("locale", "locale");

	private final String parameter;

	private final String field;

	Dimension(String parameter, String field) {
		this.parameter = parameter;
		this.field = field;
	}

	/** The request parameter, also the facet's name in answers. */
	String parameter() {
		return this.parameter;
	}

	/** The index field. */
	String field() {
		return this.field;
	}

	static Optional<Dimension> of(String parameter) {
		return Arrays.stream(values()).filter((dimension) -> dimension.parameter.equals(parameter)).findFirst();
	}

	static List<String> names() {
		return Arrays.stream(values()).map(Dimension::parameter).toList();
	}

}
