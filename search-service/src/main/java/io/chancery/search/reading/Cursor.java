package io.chancery.search.reading;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.chancery.web.InvalidParameter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The opaque {@code cursor} of cursor paging: the search's parameters, the point in time
 * and where the last page ended, so a client sends back nothing but the cursor. A cursor
 * is not a credential: whatever it carries is validated again like fresh parameters.
 *
 * @param parameters the search's canonical parameters
 * @param pit the point in time
 * @param after the sort values of the last result already returned
 */
record Cursor(Map<String, List<String>> parameters, String pit, List<Object> after) {

	private static final JsonMapper json = JsonMapper.builder().build();

	static Cursor of(Map<String, List<String>> parameters, String pit, List<Object> after) {
		return new Cursor(parameters, pit, new ArrayList<>(after));
	}

	String encode() {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(this));
	}

	static Cursor decode(String text) {
		try {
			Cursor cursor = json.readValue(Base64.getUrlDecoder().decode(text), Cursor.class);
			if (cursor == null || cursor.parameters() == null || cursor.pit() == null || cursor.after() == null) {
				throw invalid();
			}
			return cursor;
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw invalid();
		}
	}

	static InvalidParameter invalid() {
		return new InvalidParameter("cursor",
				"is not a cursor this service issued, or it has expired; start again with paging=cursor",
				List.of("the nextCursor of the previous page"));
	}

}
