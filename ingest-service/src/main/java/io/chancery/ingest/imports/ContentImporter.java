package io.chancery.ingest.imports;

import io.chancery.ingest.changes.ImportContext;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import tools.jackson.databind.JsonNode;

/**
 * Turns one import line of its type into a change to publish. Each content feature
 * provides one; the import knows none of them by name.
 */
public interface ContentImporter {

	/**
	 * The value of the line's {@code type} field this importer takes, for example
	 * {@code article}.
	 */
	String type();

	/**
	 * Validates the line and prepares its change.
	 * @param line the line's JSON, without its {@code type} field
	 * @param context the import it belongs to, for the editorial record
	 * @throws io.chancery.ingest.validation.InvalidContent if the content breaks a rule
	 * @throws tools.jackson.core.JacksonException if a field has the wrong type
	 */
	BatchItem prepare(JsonNode line, ImportContext context);

	/** An importer of lines of {@code type}, each prepared by {@code prepare}. */
	static ContentImporter of(String type, java.util.function.BiFunction<JsonNode, ImportContext, BatchItem> prepare) {
		return new ContentImporter() {

			@Override
			public String type() {
				return type;
			}

			@Override
			public BatchItem prepare(JsonNode line, ImportContext context) {
				return prepare.apply(line, context);
			}

		};
	}

}
