package io.chancery.search.reading.export;

import java.io.IOException;
import java.util.Map;

import io.chancery.search.reading.ReadParameters;
import io.chancery.search.reading.Reads;
import io.chancery.search.reading.SearchQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Every result of a search, streamed as a file for analysts. */
@RestController
@Tag(name = "Search", description = "Full-text search with filters, facets and a date histogram")
class ExportController {

	private final Reads reads;

	private final Exporter exporter;

	ExportController(Reads reads, Exporter exporter) {
		this.reads = reads;
		this.exporter = exporter;
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
