package io.chancery.ingest.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.chancery.ingest.changes.ImportContext;
import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import io.chancery.ingest.publishing.ContentPublisher.BatchOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final ImportLines lines;

	CatalogImport(ContentPublisher publisher, ImportLines lines) {
		this.publisher = publisher;
		this.lines = lines;
	}

	/**
	 * Imports everything the stream holds; the job's report tells what became of each
	 * line.
	 */
	void run(ImportJob job, ImportContext context, InputStream in, @Nullable Relay relay) throws IOException {
		BoundedLineReader reader = new BoundedLineReader(in, this.lines.maxLine());
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
				batch.add(this.lines.prepare(line, context));
				batchLines.add(number);
				batchText.add(line);
			}
			catch (ImportLines.LineRejected ex) {
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

}
