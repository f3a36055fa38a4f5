package io.chancery.search.reading.listings;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.chancery.search.reading.ContentSummary;
import io.chancery.search.reading.ContentItem;
import io.chancery.search.reading.Dimension;
import io.chancery.search.reading.ReadParameters;
import io.chancery.search.reading.ReadingProperties;
import io.chancery.search.reading.Reads;
import io.chancery.search.reading.SearchPage;
import io.chancery.search.reading.StoredContent;
import io.chancery.search.web.Gone;
import io.chancery.web.InvalidParameter;
import io.chancery.web.Locales;
import io.chancery.search.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Items and listings for frontends: articles by kind, latest events, the archive of all
 * messages by year and month.
 */
@RestController
@Tag(name = "Content", description = "Items and listings")
class ContentController {

	private final Reads reads;

	private final Items items;

	private final ReadingProperties properties;

	ContentController(Reads reads, Items items, ReadingProperties properties) {
		this.reads = reads;
		this.items = items;
		this.properties = properties;
	}

	@GetMapping("/api/v1/articles")
	@Operation(summary = "Articles, newest first",
			description = "Speeches, interviews, articles and statements; filter by kind, person, tag, locale, dates; "
					+ "page by number or with paging=cursor.")
	@ReadParameters.Accepts(ReadParameters.LISTING)
	SearchPage articles(HttpServletRequest request) throws IOException {
		return this.reads.page(request.getParameterMap(), ReadParameters.LISTING.names(),
				Map.of(Dimension.TYPE, List.of("article")));
	}

	@GetMapping("/api/v1/events")
	@Operation(summary = "Events, latest first", description = "Latest events; year and month give the archive.")
	@ReadParameters.Accepts(ReadParameters.LISTING)
	SearchPage events(HttpServletRequest request) throws IOException {
		return this.reads.page(request.getParameterMap(), ReadParameters.LISTING.names(),
				Map.of(Dimension.TYPE, List.of("event")));
	}

	@GetMapping("/api/v1/archive")
	@Operation(summary = "All messages, newest first",
			description = "Articles and events together; year and month select a month of the archive.")
	@ReadParameters.Accepts(ReadParameters.ARCHIVE)
	SearchPage archive(HttpServletRequest request) throws IOException {
		return this.reads.page(request.getParameterMap(), ReadParameters.ARCHIVE.names(), Map.of());
	}

	@GetMapping("/api/v1/archive/months")
	@Operation(summary = "How many messages each month has", description = "Newest month first.")
	List<Items.Month> months(
			@Parameter(description = "only this locale") @RequestParam(
					required = false) @org.jspecify.annotations.Nullable String locale,
			@Parameter(description = "the zone months begin in") @RequestParam(
					required = false) @org.jspecify.annotations.Nullable String zone)
			throws IOException {
		if (locale != null && !this.properties.locales().contains(locale)) {
			throw Locales.unknown("locale", locale, this.properties.locales());
		}
		ZoneId zoneId = (zone != null) ? zone(zone) : this.properties.zone();
		return this.items.months(locale, zoneId);
	}

	@GetMapping("/api/v1/articles/{id}")
	@Operation(summary = "One article in full", description = "404 if never published, 410 if withdrawn for good.")
	@ReadParameters.Accepts(ReadParameters.ITEM)
	ContentItem article(@PathVariable String id, HttpServletRequest request) throws IOException {
		return item("article", id, request);
	}

	@GetMapping("/api/v1/events/{id}")
	@Operation(summary = "One event", description = "404 if never published, 410 if withdrawn for good.")
	@ReadParameters.Accepts(ReadParameters.ITEM)
	ContentItem event(@PathVariable String id, HttpServletRequest request) throws IOException {
		return item("event", id, request);
	}

	@GetMapping("/api/v1/articles/{id}/related")
	@Operation(summary = "Articles and events like this article", description = "By their text (more like this).")
	@ReadParameters.Accepts(ReadParameters.RELATED)
	List<ContentSummary> relatedToArticle(@PathVariable String id, HttpServletRequest request) throws IOException {
		return related("article", id, request);
	}

	@GetMapping("/api/v1/events/{id}/related")
	@Operation(summary = "Articles and events like this event", description = "By their text (more like this).")
	@ReadParameters.Accepts(ReadParameters.RELATED)
	List<ContentSummary> relatedToEvent(@PathVariable String id, HttpServletRequest request) throws IOException {
		return related("event", id, request);
	}

	private ContentItem item(String type, String id, HttpServletRequest request) throws IOException {
		String locale = locale(request);
		StoredContent content = this.items.item(type, id, locale)
			.orElseThrow(() -> new NotFound("No " + type + " '" + id + "' in locale '" + locale + "'"));
		if ("gone".equals(content.status())) {
			throw new Gone("The " + type + " '" + id + "' was withdrawn");
		}
		if (!isPublic(content)) {
			throw new NotFound("No " + type + " '" + id + "' in locale '" + locale + "'");
		}
		return this.items.withTranslations(content);
	}

	private List<ContentSummary> related(String type, String id, HttpServletRequest request) throws IOException {
		String locale = locale(request);
		String size = request.getParameter("size");
		int count = 5;
		if (size != null) {
			try {
				count = Integer.parseInt(size);
			}
			catch (NumberFormatException ex) {
				count = -1;
			}
			if (count < 1 || count > 20) {
				throw new InvalidParameter("size", "must be a whole number from 1 to 20", List.of("1..20"));
			}
		}
		this.items.item(type, id, locale)
			.filter((content) -> "published".equals(content.status()) && isPublic(content))
			.orElseThrow(() -> new NotFound("No " + type + " '" + id + "' in locale '" + locale + "'"));
		return this.items.related(type, id, locale, count);
	}

	/**
	 * Whether readers may see the item: not a draft, and not scheduled for later by the
	 * server's clock.
	 */
	static boolean isPublic(StoredContent content) {
		return !"draft".equals(content.status())
				&& (content.publishAt() == null || !content.publishAt().isAfter(java.time.Instant.now()));
	}

	/** The one locale a request names, one the site publishes in, else the default. */
	private String locale(HttpServletRequest request) {
		return Locales.chosen(request.getParameter("locale"), this.properties.defaultLocale(),
				this.properties.locales());
	}

	private static ZoneId zone(String zone) {
		try {
			return ZoneId.of(zone);
		}
		catch (java.time.DateTimeException ex) {
			throw new InvalidParameter("zone", "is not a time zone: '" + zone + "'",
					List.of("an IANA zone such as Europe/Moscow", "UTC"));
		}
	}

}
