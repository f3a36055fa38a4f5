package io.chancery.search.reading.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;

import io.chancery.search.reading.ContentSearch;
import io.chancery.search.reading.ContentSummary;
import io.chancery.search.reading.ReadParameters;
import io.chancery.search.reading.ReadingLimits;
import io.chancery.search.reading.SearchQuery;
import io.chancery.search.web.Busy;
import io.chancery.web.InvalidParameter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams every result of a search as CSV or NDJSON, a thousand at a time through a point
 * in time, so memory stays bounded whatever the size of the result set.
 */
@Component
class Exporter {

	static final int CHUNK = 1000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String[] COLUMNS = { "type", "id", "locale", "kind", "date", "eventDate", "title", "lead",
			"people", "tags", "place" };

	private final ContentSearch search;

	private final ReadingLimits limits;

	private final Semaphore running;

	Exporter(ContentSearch search, ReadingLimits limits) {
		this.search = search;
		this.limits = limits;
		this.running = new Semaphore(limits.maxExports());
	}

	/**
	 * Checks an export can run, before anything is sent: a place among the exports
	 * running, and no more results than an export may have. The body it returns gives the
	 * place back when it ends, however it ends.
	 * @throws Busy when as many exports run as the limit allows
	 * @throws ResponseStatusException (400) when the search has more results than an
	 * export may
	 */
	StreamingResponseBody start(SearchQuery query, Format format) throws IOException {
		if (!this.running.tryAcquire()) {
			throw new Busy("As many exports are running as this service runs at once (" + this.limits.maxExports()
					+ "); try again shortly.", 10);
		}
		try {
			long total = this.search.count(query);
			if (total > this.limits.maxExportRows()) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"This search finds " + total + " results; an export takes at most "
								+ this.limits.maxExportRows() + ": narrow it with filters or dates.");
			}
		}
		catch (IOException | RuntimeException ex) {
			this.running.release();
			throw ex;
		}
		return (out) -> {
			try {
				export(query, format, out);
			}
			finally {
				this.running.release();
			}
		};
	}

	void export(SearchQuery query, Format format, OutputStream out) throws IOException {
		long deadline = System.nanoTime() + this.limits.maxExportTime().toNanos();
		SearchQuery chunked = new SearchQuery(query.text(), query.query(), query.filters(), query.rejects(),
				query.dateField(), query.from(), query.to(), query.zone(), List.of(), null, query.order(), 1, CHUNK,
				query.parameters());
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
		if (format == Format.CSV) {
			writer.write(String.join(",", COLUMNS));
			writer.write("\r\n");
		}
		String pit = this.search.openPointInTime();
		try {
			List<Object> after = List.of();
			while (true) {
				ContentSearch.CursorPage page = this.search.searchAfter(chunked, pit, after);
				pit = page.pit();
				for (ContentSummary result : page.page().results()) {
					if (format == Format.CSV) {
						csv(writer, result);
					}
					else {
						writer.write(json.writeValueAsString(result));
						writer.write('\n');
					}
				}
				writer.flush();
				if (!page.more()) {
					break;
				}
				if (System.nanoTime() - deadline > 0) {
					// Aborts the response, so the client sees an export cut off, never
					// one that looks whole.
					throw new IOException("The export ran longer than " + this.limits.maxExportTime());
				}
				after = page.last();
			}
		}
		finally {
			this.search.closePointInTime(pit);
		}
		writer.flush();
	}

	private static void csv(Writer writer, ContentSummary result) throws IOException {
		Object[] cells = { result.type(), result.id(), result.locale(), result.kind(), result.date(),
				result.eventDate(), result.title(), result.lead(), join(result.people()), join(result.tags()),
				result.place() };
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(cell(cells[i]));
		}
		writer.write("\r\n");
	}

	private static @Nullable String join(@Nullable List<String> values) {
		return (values != null) ? String.join("; ", values) : null;
	}

	/**
	 * A CSV cell (RFC 4180), with a leading quote before text a spreadsheet would run as
	 * a formula.
	 */
	static String cell(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

	/** What an export is written as. */
	enum Format {

		CSV("csv", "text/csv;charset=UTF-8"), NDJSON("ndjson", "application/x-ndjson");

		private final String extension;

		private final String mediaType;

		Format(String extension, String mediaType) {
			this.extension = extension;
			this.mediaType = mediaType;
		}

		String extension() {
			return this.extension;
		}

		String mediaType() {
			return this.mediaType;
		}

		static Format of(@Nullable String name, String @Nullable [] given) {
			if (given != null && given.length > 1) {
				throw new InvalidParameter("format", "is given more than once", ReadParameters.exportFormats());
			}
			if (name == null || name.equals("csv")) {
				return CSV;
			}
			if (name.equals("ndjson")) {
				return NDJSON;
			}
			throw new InvalidParameter("format", "does not accept '" + Objects.toString(name) + "'",
					ReadParameters.exportFormats());
		}

	}

}
