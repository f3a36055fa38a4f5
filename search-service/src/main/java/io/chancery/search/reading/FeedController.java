package io.chancery.search.reading;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import io.chancery.web.InvalidParameter;
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
 * Atom feeds (RFC 4287) of the latest events and of articles, all or by kind, with full
 * text and paged as RFC 5005 describes ({@code first}, {@code next}, {@code previous}
 * links).
 */
@RestController
@Tag(name = "Feeds", description = "Atom feeds")
class FeedController {

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private static final String NS = "http://www.w3.org/2005/Atom";

	private final ContentSearch search;

	private final ReadingProperties properties;

	FeedController(ContentSearch search, ReadingProperties properties) {
		this.search = search;
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
		String locale = request.getParameter("locale");
		locale = (locale != null && !locale.isBlank()) ? locale : this.properties.defaultLocale();
		if (!this.properties.locales().contains(locale)) {
			throw new InvalidParameter("locale", "names '" + locale + "', which is not a locale of this site",
					this.properties.locales());
		}
		int page = page(request.getParameter("page"));
		int size = this.properties.feedSize();
		ContentSearch.FeedPage entries = this.search.feed(type, kind, locale, page, size);
		// The public site's address, never the one this request reached: behind the
		// gateway that is an internal port.
		String self = UriComponentsBuilder.fromUriString(this.properties.siteUrl())
			.path(request.getRequestURI())
			.queryParam("locale", locale)
			.build()
			.toUriString();
		try {
			return ResponseEntity.ok().contentType(ATOM).body(atom(self, title, locale, page, size, entries));
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write a feed", ex);
		}
	}

	private String atom(String self, String title, String locale, int page, int size, ContentSearch.FeedPage feed)
			throws XMLStreamException {
		StringWriter text = new StringWriter();
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement("feed");
		xml.writeDefaultNamespace(NS);
		xml.writeAttribute("xml:lang", locale);
		element(xml, "id", self);
		element(xml, "title", title);
		Instant updated = feed.entries()
			.stream()
			.map(StoredContent::updatedAt)
			.filter(java.util.Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH);
		element(xml, "updated", updated.toString());
		link(xml, "self", self + "&page=" + page);
		link(xml, "first", self + "&page=1");
		if (page > 1) {
			link(xml, "previous", self + "&page=" + (page - 1));
		}
		if ((long) page * size < feed.total()) {
			link(xml, "next", self + "&page=" + (page + 1));
		}
		xml.writeStartElement("author");
		element(xml, "name", this.properties.siteName());
		xml.writeEndElement();
		for (StoredContent entry : feed.entries()) {
			entry(xml, entry);
		}
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.close();
		return text.toString();
	}

	private void entry(XMLStreamWriter xml, StoredContent content) throws XMLStreamException {
		String page = this.properties.siteUrl() + "/" + content.type() + "s/" + content.id() + "?locale="
				+ content.locale();
		xml.writeStartElement("entry");
		element(xml, "id", "urn:chancery:" + content.type() + ":" + content.id() + ":" + content.locale());
		element(xml, "title", (content.title() != null) ? content.title() : content.id());
		element(xml, "updated", String.valueOf((content.updatedAt() != null) ? content.updatedAt() : Instant.EPOCH));
		if (content.sortDate() != null) {
			element(xml, "published", content.sortDate().toString());
		}
		link(xml, "alternate", page);
		if (content.people() != null) {
			for (String person : content.people()) {
				xml.writeStartElement("contributor");
				element(xml, "name", person);
				xml.writeEndElement();
			}
		}
		if (content.kind() != null) {
			xml.writeEmptyElement("category");
			xml.writeAttribute("term", content.kind());
		}
		if (content.lead() != null) {
			element(xml, "summary", content.lead());
		}
		if (content.bodyHtml() != null) {
			xml.writeStartElement("content");
			xml.writeAttribute("type", "html");
			xml.writeCharacters(content.bodyHtml());
			xml.writeEndElement();
		}
		xml.writeEndElement();
	}

	private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("href", href);
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
