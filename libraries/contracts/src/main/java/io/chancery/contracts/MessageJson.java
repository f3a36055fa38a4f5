package io.chancery.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper for message payloads. Every producer and consumer reads and writes
 * messages with it (and the golden-file tests check it), so the wire format does not
 * depend on how one service configures Jackson for HTTP.
 */
public final class MessageJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		// Consumers ignore what newer producers add: evolution is additive.
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
		// Offsets are data (when and where a speech was delivered), never normalised to
		// UTC.
		.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private MessageJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

}
