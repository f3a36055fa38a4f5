package io.chancery.ingest.web;

import io.chancery.ingest.validation.Characters;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Reads every string of a request and refuses, with the field's path, one that holds
 * characters no content may hold ({@link Characters}). Checked where JSON becomes text,
 * so no later cleaning can quietly hide them and every field is covered.
 */
class CleanStrings extends StringDeserializer {

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		String value = super.deserialize(parser, context);
		String problem = (value != null) ? Characters.problem(value) : null;
		if (problem != null) {
			throw InvalidFormatException.from(parser, "The text " + problem, value, String.class);
		}
		return value;
	}

}
