package io.chancery.ingest.imports;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.chancery.ingest.changes.ChangeRoutes;
import io.chancery.ingest.changes.ImportContext;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import io.chancery.ingest.validation.ContentProperties;
import io.chancery.ingest.validation.InvalidContent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * What an import line must be: a JSON object of at most the configured size whose
 * {@code type} names an importer, with content that importer accepts. The same rules as
 * the single-change routes, since each importer uses its kind's validation.
 */
@Component
class ImportLines {

	private final Map<String, ContentImporter> importers;

	private final JsonMapper json;

	private final int maxLine;

	/**
	 * @param importers the importers of kinds with a way of their own (site details)
	 * @param kinds the kinds of content whose lines are their create requests
	 */
	ImportLines(List<ContentImporter> importers, List<ChangeRoutes.Kind<?, ?>> kinds, JsonMapper json,
			ContentProperties properties) {
		this.importers = Stream
			.concat(importers.stream(),
					kinds.stream()
						.map((kind) -> ContentImporter.of(kind.importType(),
								(line, context) -> kind.importLine(line, json, context))))
			.collect(Collectors.toUnmodifiableMap(ContentImporter::type, Function.identity()));
		this.json = json;
		this.maxLine = (int) properties.maxImportLineSize().toBytes();
	}

	/** The longest line, in bytes. */
	int maxLine() {
		return this.maxLine;
	}

	/**
	 * Reads one line of an import and prepares its change with the importer its
	 * {@code type} names.
	 * @throws LineRejected with the reason, when the line is not one to publish
	 */
	BatchItem prepare(String line, ImportContext context) {
		if (line == BoundedLineReader.TOO_LONG) {
			throw new LineRejected("is longer than " + this.maxLine + " bytes");
		}
		JsonNode tree;
		try {
			tree = this.json.readTree(line);
		}
		catch (JacksonException ex) {
			throw new LineRejected("is not valid JSON: " + firstLine(ex.getOriginalMessage()));
		}
		if (!(tree instanceof ObjectNode object)) {
			throw new LineRejected("is not a JSON object");
		}
		JsonNode type = object.remove("type");
		ContentImporter importer = (type != null && type.isString()) ? this.importers.get(type.asString()) : null;
		if (importer == null) {
			throw new LineRejected(
					"type must be one of " + String.join(", ", this.importers.keySet().stream().sorted().toList()));
		}
		try {
			return importer.prepare(object, context);
		}
		catch (InvalidContent ex) {
			throw new LineRejected(String.join("; ",
					ex.violations()
						.stream()
						.map((violation) -> violation.field() + " " + violation.message())
						.toList()));
		}
		catch (DatabindException ex) {
			throw new LineRejected("has a field of the wrong type or format: " + firstLine(ex.getOriginalMessage()));
		}
		catch (JacksonException ex) {
			throw new LineRejected("cannot be read: " + firstLine(ex.getOriginalMessage()));
		}
	}

	private static String firstLine(@org.jspecify.annotations.Nullable String message) {
		if (message == null) {
			return "";
		}
		String line = message.lines().findFirst().orElse("");
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

	/** Why one line was refused. */
	static final class LineRejected extends RuntimeException {

		LineRejected(String reason) {
			super(reason, null, false, false);
		}

	}

}
