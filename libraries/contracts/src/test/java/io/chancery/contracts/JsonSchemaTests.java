package io.chancery.contracts;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas published for consumers not written in Java accept every golden
 * message, the ones from newer producers included, and are not vacuous.
 */
class JsonSchemaTests {

	private static final Map<EventType, String> SCHEMAS = Map.of(EventType.ARTICLE_PUBLISHED, "article",
			EventType.ARTICLE_WITHDRAWN, "withdrawal", EventType.EVENT_PUBLISHED, "event", EventType.EVENT_WITHDRAWN,
			"withdrawal", EventType.SITE_DETAILS_UPDATED, "site-details", EventType.COUNTER_MILESTONE_REACHED,
			"counter-milestone-reached");

	static Stream<Arguments> goldenFiles() {
		return Stream.of(Arguments.of("article-published", "article"),
				Arguments.of("article-published-withdrawn-with-note", "article"),
				Arguments.of("article-published-from-newer-producer", "article"),
				Arguments.of("article-published-with-change", "article"), Arguments.of("article-draft", "article"),
				Arguments.of("article-published-with-change-from-newer-producer", "article"),
				Arguments.of("article-withdrawn-with-change", "withdrawal"),
				Arguments.of("event-published-with-change", "event"), Arguments.of("article-withdrawn", "withdrawal"),
				Arguments.of("event-published", "event"), Arguments.of("event-published-from-newer-producer", "event"),
				Arguments.of("event-withdrawn", "withdrawal"), Arguments.of("site-details-updated", "site-details"),
				Arguments.of("site-details-updated-with-pin", "site-details"),
				Arguments.of("counter-milestone-reached", "counter-milestone-reached"));
	}

	@ParameterizedTest(name = "{0} against {1}.schema.json")
	@MethodSource("goldenFiles")
	void goldenMessageIsValid(String golden, String schema) {
		List<Error> errors = schema(schema).validate(GoldenMessagesTests.tree(golden));
		assertThat(errors).isEmpty();
	}

	@Test
	void everyEventTypeHasASchema() {
		for (EventType type : EventType.values()) {
			assertThat(SCHEMAS).containsKey(type);
			assertThat(schema(SCHEMAS.get(type))).isNotNull();
		}
	}

	@Test
	void messageWithoutARequiredFieldOrWithAWrongTypeIsInvalid() {
		ObjectNode missingRevision = (ObjectNode) GoldenMessagesTests.tree("article-published");
		missingRevision.remove("revision");
		assertThat(schema("article").validate(missingRevision)).isNotEmpty();

		ObjectNode textualRevision = (ObjectNode) GoldenMessagesTests.tree("event-published");
		textualRevision.put("revision", "two");
		assertThat(schema("event").validate(textualRevision)).isNotEmpty();

		ObjectNode colonInId = (ObjectNode) GoldenMessagesTests.tree("article-withdrawn");
		colonInId.put("id", "a:b");
		assertThat(schema("withdrawal").validate(colonInId)).isNotEmpty();
	}

	private static Schema schema(String name) {
		InputStream in = JsonSchemaTests.class.getResourceAsStream("/schemas/" + name + ".schema.json");
		assertThat(in).as(name + ".schema.json").isNotNull();
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
	}

}
