package io.chancery.search.reading;

import java.io.IOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Search for analysts, over articles and events together, and its export. */
@RestController
@Tag(name = "Search", description = "Full-text search with filters, facets and a date histogram")
class SearchController {

	private final Reads reads;

	private final Exporter exporter;

	SearchController(Reads reads, Exporter exporter) {
		this.reads = reads;
		this.exporter = exporter;
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Search articles and events", description = """
			q: words (all must match), "phrases", prefix*, AND, OR, NOT or -word, parentheses; at most 500 \
			characters. Filters kind, person, tag, locale, type and their reject- forms (repeat or separate \
			with commas); date-field (date, delivered, published, updated, event) with from and to (a day \
			in zone, or an instant) or year and month; facets=kind,person,tag,locale,type; \
			histogram=day|week|month|year; order=relevance|newest|oldest; page and size (size at most 100, \
			page * size at most 10,000), or paging=cursor and then cursor=<nextCursor> to page through \
			any number of results.""")
	@ReadParameters.Accepts(ReadParameters.SEARCH)
	SearchPage search(HttpServletRequest request) throws IOException {
		return this.reads.page(request.getParameterMap(), ReadParameters.SEARCH.names(), Map.of());
	}

	@GetMapping(path = "/api/v1/search/export", produces = { "text/csv", "application/x-ndjson" })
	@Operation(summary = "Export every result of a search",
			description = "The search's parameters (without paging), and format=csv (default) or ndjson. Streamed: "
					+ "any number of results in bounded memory.")
	@ReadParameters.Accepts(ReadParameters.EXPORT)
	ResponseEntity<StreamingResponseBody> export(HttpServletRequest request) throws IOException {
		Map<String, String[]> parameters = new java.util.HashMap<>(request.getParameterMap());
		String[] formats = parameters.remove("format");
		Exporter.Format format = Exporter.Format.of((formats != null && formats.length == 1) ? formats[0] : null,
				formats);
		SearchQuery query = this.reads.query(parameters, ReadParameters.EXPORT.names(), Map.of());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"chancery-search." + format.extension() + "\"")
			.body(this.exporter.start(query, format));
	}

}
