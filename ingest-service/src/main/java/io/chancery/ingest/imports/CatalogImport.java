package io.chancery.ingest.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import io.chancery.ingest.publishing.ContentPublisher.BatchOutcome;
import io.chancery.ingest.validation.ContentProperties;
import io.chancery.ingest.validation.InvalidContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Runs one import: reads lines, validates each with the importer its {@code type} names,
 * and publishes accepted lines in pipelined batches. What Kafka acknowledged stays
 * published whatever later lines hold; if Kafka stops acknowledging, the import stops and
 * says which lines were stored.
 */
@Component
class CatalogImport {

	private static final Logger logger = LoggerFactory.getLogger(CatalogImport.class);

	static final int BATCH = 500;

	private final ContentPublisher publisher;

	private final Map<String, ContentImporter> importers;

	private final JsonMapper json;

	private final int maxLine;

	CatalogImport(ContentPublisher publisher, List<ContentImporter> importers, JsonMapper json,
			ContentProperties properties) {
		this.publisher = publisher;
		this.importers = importers.stream()
			.collect(Collectors.toUnmodifiableMap(ContentImporter::type, Function.identity()));
		this.json = json;
		this.maxLine = (int) properties.maxImportLineSize().toBytes();
	}

	/**
	 * Imports everything the stream holds; the job's report tells what became of each
	 * line.
	 */
	void run(ImportJob job, InputStream in) throws IOException {
		BoundedLineReader reader = new BoundedLineReader(in, this.maxLine);
		List<BatchItem> batch = new ArrayList<>(BATCH);
		List<Long> batchLines = new ArrayList<>(BATCH);
		long number = 0;
		String line;
		while ((line = reader.next()) != null) {
			number++;
			job.read(number);
			if (line.isBlank()) {
				continue;
			}
			try {
				batch.add(prepare(line));
				batchLines.add(number);
			}
			catch (LineRejected ex) {
				job.reject(number, ex.getMessage());
			}
			if (batch.size() == BATCH && !flush(job, batch, batchLines)) {
				return;
			}
			if (number % 10_000 == 0) {
				logger.info("Import {}: {}", job.progress().importId(), job.progress());
			}
		}
		if (flush(job, batch, batchLines)) {
			job.finish("completed");
		}
	}

	private BatchItem prepare(String line) {
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
			return importer.prepare(object);
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

	/** Publishes the batch; false if Kafka failed, which ends the import. */
	private boolean flush(ImportJob job, List<BatchItem> batch, List<Long> lines) {
		if (batch.isEmpty()) {
			return true;
		}
		List<BatchOutcome> outcomes = this.publisher.publishAll(batch);
		boolean failed = false;
		for (int i = 0; i < outcomes.size(); i++) {
			if (outcomes.get(i).published() != null) {
				job.accept();
			}
			else {
				failed = true;
				job.reject(lines.get(i), "Kafka did not acknowledge it; import this line again");
			}
		}
		batch.clear();
		lines.clear();
		if (failed) {
			job.finish("interrupted");
		}
		return !failed;
	}

	private static String firstLine(@org.jspecify.annotations.Nullable String message) {
		if (message == null) {
			return "";
		}
		String line = message.lines().findFirst().orElse("");
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

	/** Why one line was refused. */
	private static final class LineRejected extends RuntimeException {

		LineRejected(String reason) {
			super(reason, null, false, false);
		}

	}

}
