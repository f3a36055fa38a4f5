package io.chancery.search.reading.search;

import java.io.IOException;
import java.util.Map;

import io.chancery.search.reading.ReadParameters;
import io.chancery.search.reading.Reads;
import io.chancery.search.reading.SearchPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Search for analysts, over articles and events together. */
@RestController
@Tag(name = "Search", description = "Full-text search with filters, facets and a date histogram")
class SearchController {

	private final Reads reads;

	SearchController(Reads reads) {
		this.reads = reads;
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

}
