package io.chancery.benchmarks.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.chancery.benchmarks.content.ArticleLines;
import io.chancery.benchmarks.elasticsearch.Elasticsearch;

/**
 * Before anything is measured: the demo catalog (site details with the clocks, counters,
 * events, articles) imported through the gateway, which gives the home page and the
 * searches realistic content and exercises the write path once, and the same documents
 * bulk-loaded once into a throw-away peer index, so both sides start warm.
 */
public final class WarmUp {

	private static final String MATCH_ALL = "{\"match_all\":{}}";

	private final Context context;

	private final int demoLines;

	public WarmUp(Context context, int demoLines) {
		this.context = context;
		this.demoLines = demoLines;
	}

	/** Imports and indexes; returns how many documents the content index holds. */
	public long run() {
		Path file = this.context.work().resolve("demo-catalog.ndjson");
		ArticleLines.Written demo = ArticleLines.demoCatalog(file, this.demoLines);
		long documents = documents(file);
		this.context.say("Warm-up: importing " + demo.lines() + " demo catalog lines (" + documents
				+ " articles and events) through the gateway");
		new Gateway(this.context).importFile(file, "benchmarks-warm-up", demo.lines());
		Elasticsearch elasticsearch = this.context.elasticsearch();
		elasticsearch.awaitCount(Elasticsearch.CONTENT, MATCH_ALL, documents, Duration.ofMinutes(10));

		this.context.say("Warm-up: the same documents through raw _bulk into a throw-away index");
		Elasticsearch.Extract extract = elasticsearch.extract(Elasticsearch.CONTENT, MATCH_ALL, 1000,
				this.context.work().resolve("warm-up-bulk"));
		String index = "bench-warm-up";
		elasticsearch.delete(index);
		elasticsearch.createFromContentTemplate(index, null);
		elasticsearch.bulk(index, extract.files());
		elasticsearch.awaitCount(index, MATCH_ALL, extract.documents(), Duration.ofMinutes(10));
		elasticsearch.delete(index);
		Scratch.delete(extract.files());
		return elasticsearch.count(Elasticsearch.CONTENT, MATCH_ALL);
	}

	private static long documents(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines
				.filter((line) -> line.startsWith("{\"type\":\"article\"") || line.startsWith("{\"type\":\"event\""))
				.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
