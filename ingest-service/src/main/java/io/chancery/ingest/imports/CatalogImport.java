package io.chancery.ingest.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import io.chancery.ingest.publishing.ContentPublisher.BatchOutcome;
import io.chancery.ingest.validation.ContentProperties;
import io.chancery.ingest.validation.InvalidContent;
import org.jspecify.annotations.Nullable;
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
	void run(ImportJob job, InputStream in, @Nullable Relay relay) throws IOException {
		BoundedLineReader reader = new BoundedLineReader(in, this.maxLine);
		List<BatchItem> batch = new ArrayList<>(BATCH);
		List<Long> batchLines = new ArrayList<>(BATCH);
		List<String> batchText = new ArrayList<>(BATCH);
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
				batchText.add(line);
			}
			catch (LineRejected ex) {
				job.reject(number, ex.getMessage());
			}
			if (batch.size() == BATCH && !flush(job, batch, batchLines, batchText, relay)) {
				return;
			}
			if (number % 10_000 == 0) {
				logger.info("Import {}: {}", job.progress().importId(), job.progress());
			}
		}
		if (flush(job, batch, batchLines, batchText, relay)) {
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

	/**
	 * Publishes the batch, passing the lines of partitions other replicas write to them;
	 * false if Kafka or a replica failed, which ends the import.
	 */
	private boolean flush(ImportJob job, List<BatchItem> batch, List<Long> lines, List<String> text,
			@Nullable Relay relay) {
		if (batch.isEmpty()) {
			return true;
		}
		List<BatchOutcome> outcomes = this.publisher.publishAll(batch);
		boolean failed = false;
		Map<URI, List<Integer>> elsewhere = new LinkedHashMap<>();
		for (int i = 0; i < outcomes.size(); i++) {
			BatchOutcome outcome = outcomes.get(i);
			if (outcome.published() != null) {
				job.accept();
			}
			else if (outcome.owner() != null && relay != null) {
				elsewhere.computeIfAbsent(outcome.owner(), (owner) -> new ArrayList<>()).add(i);
			}
			else {
				failed = true;
				job.reject(lines.get(i),
						(outcome.owner() != null)
								? "the replica that writes it changed during the import; import this line again"
								: "Kafka did not acknowledge it; import this line again");
			}
		}
		for (Map.Entry<URI, List<Integer>> owned : elsewhere.entrySet()) {
			List<Integer> indices = owned.getValue();
			Relayed relayed = Objects.requireNonNull(relay)
				.send(owned.getKey(), indices.stream().map(text::get).toList());
			for (int n = 0; n < relayed.accepted(); n++) {
				job.accept();
			}
			relayed.rejections()
				.forEach((position, reason) -> job.reject(lines.get(indices.get((int) (position - 1))), reason));
			failed |= relayed.interrupted();
		}
		batch.clear();
		lines.clear();
		text.clear();
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

	/**
	 * Sends lines of an import to the replica that writes their partitions, which imports
	 * them.
	 */
	@FunctionalInterface
	interface Relay {

		/**
		 * Imports the lines at the owner; never throws, a failure is reported as
		 * rejections.
		 */
		Relayed send(URI owner, List<String> lines);

	}

	/**
	 * What the owner made of relayed lines.
	 *
	 * @param accepted how many it stored
	 * @param rejections the refused lines by their position among the relayed ones, from
	 * 1
	 * @param interrupted whether it stopped before the end (Kafka, or ownership moved)
	 */
	record Relayed(long accepted, Map<Long, String> rejections, boolean interrupted) {
	}

	/** Why one line was refused. */
	private static final class LineRejected extends RuntimeException {

		LineRejected(String reason) {
			super(reason, null, false, false);
		}

	}

}
