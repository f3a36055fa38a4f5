package io.chancery.search.reading.feeds;

import java.io.IOException;
import java.util.List;

import io.chancery.search.reading.ReadParameters;
import io.chancery.search.reading.ReadingProperties;
import io.chancery.web.InvalidParameter;
import io.chancery.web.Locales;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Atom feeds of the latest events and of articles, all or by kind, with full text, a page
 * at a time.
 */
@RestController
@Tag(name = "Feeds", description = "Atom feeds")
class FeedController {

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final FeedEntries entries;

	private final ReadingProperties properties;

	FeedController(FeedEntries entries, ReadingProperties properties) {
		this.entries = entries;
		this.properties = properties;
	}

	@GetMapping("/feeds/events.atom")
	@Operation(summary = "The latest events as an Atom feed")
	@ReadParameters.Accepts(ReadParameters.FEED)
	ResponseEntity<String> events(HttpServletRequest request) throws IOException {
		return feed(request, "event", null, "Latest events");
	}

	@GetMapping("/feeds/articles.atom")
	@Operation(summary = "Articles of every kind as an Atom feed, full text")
	@ReadParameters.Accepts(ReadParameters.FEED)
	ResponseEntity<String> articles(HttpServletRequest request) throws IOException {
		return feed(request, "article", null, "Speeches, interviews, articles");
	}

	@GetMapping("/feeds/articles/{kind}.atom")
	@Operation(summary = "Articles of one kind as an Atom feed, full text")
	@ReadParameters.Accepts(ReadParameters.FEED)
	ResponseEntity<String> articlesOfKind(@PathVariable String kind, HttpServletRequest request) throws IOException {
		if (!kind.matches("[a-z-]{1,40}")) {
			throw new InvalidParameter("kind", "is not an article kind", List.of("speech", "interview", "article"));
		}
		return feed(request, "article", kind, "Articles: " + kind);
	}

	private ResponseEntity<String> feed(HttpServletRequest request, String type, @Nullable String kind, String title)
			throws IOException {
		String locale = Locales.chosen(request.getParameter("locale"), this.properties.defaultLocale(),
				this.properties.locales());
		int page = page(request.getParameter("page"));
		int size = this.properties.feedSize();
		FeedEntries.Page entries = this.entries.page(type, kind, locale, page, size);
		// The public site's address, never the one this request reached: behind the
		// gateway that is an internal port.
		String self = UriComponentsBuilder.fromUriString(this.properties.siteUrl())
			.path(request.getRequestURI())
			.queryParam("locale", locale)
			.build()
			.toUriString();
		AtomFeed atom = new AtomFeed(self, title, locale, this.properties.siteUrl(), this.properties.siteName());
		return ResponseEntity.ok().contentType(ATOM).body(atom.write(page, size, entries));

	}

	private static int page(@Nullable String page) {
		if (page == null) {
			return 1;
		}
		try {
			int number = Integer.parseInt(page);
			if (number >= 1 && number <= 500) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// Answered below.
		}
		throw new InvalidParameter("page", "must be a whole number from 1 to 500", List.of("1..500"));
	}

}
