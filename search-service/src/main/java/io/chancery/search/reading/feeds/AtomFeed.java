package io.chancery.search.reading.feeds;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import io.chancery.search.reading.StoredContent;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

import org.springframework.web.util.HtmlUtils;

/**
 * One page of a feed as an Atom document (RFC 4287), paged as RFC 5005 describes: a
 * {@code first} link, and {@code previous} and {@code next} where there are such pages.
 * ROME writes the XML, so escaping and dates are its concern, not ours.
 *
 * @param self the feed's own address on the public site, with its locale
 * @param title the feed's title
 * @param locale the language of its entries
 * @param siteUrl the public site, which entries link to
 * @param siteName the feed's author
 */
record AtomFeed(String self, String title, String locale, String siteUrl, String siteName) {

	/** "Updated" in the languages whose word differs from the English one. */
	private static final Map<String, String> UPDATED = Map.of("ru", "Обновлено", "de", "Aktualisiert", "fr",
			"Mis à jour");

	/** The page as Atom XML. */
	String write(int page, int size, FeedEntries.Page entries) {
		Feed feed = new Feed("atom_1.0");
		feed.setId(this.self);
		feed.setTitle(this.title);
		feed.setUpdated(Date.from(entries.entries()
			.stream()
			.map(StoredContent::updatedAt)
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.orElse(Instant.EPOCH)));
		List<Link> links = new ArrayList<>();
		links.add(link("self", this.self + "&page=" + page));
		links.add(link("first", this.self + "&page=1"));
		if (page > 1) {
			links.add(link("previous", this.self + "&page=" + (page - 1)));
		}
		if ((long) page * size < entries.total()) {
			links.add(link("next", this.self + "&page=" + (page + 1)));
		}
		feed.setOtherLinks(links);
		feed.setAuthors(List.of(person(this.siteName)));
		feed.setEntries(entries.entries().stream().map(this::entry).toList());
		try {
			Document document = new WireFeedOutput().outputJDom(feed);
			// ROME writes no language for Atom 1.0; RFC 4287 takes it from xml:lang.
			document.getRootElement().setAttribute("lang", this.locale, Namespace.XML_NAMESPACE);
			return new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8")).outputString(document);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Could not write the feed " + this.self, ex);
		}
	}

	private Entry entry(StoredContent content) {
		Entry entry = new Entry();
		entry.setId("urn:chancery:" + content.type() + ":" + content.id() + ":" + content.locale());
		entry.setTitle((content.title() != null) ? content.title() : content.id());
		entry.setUpdated(Date.from((content.updatedAt() != null) ? content.updatedAt() : Instant.EPOCH));
		if (content.sortDate() != null) {
			entry.setPublished(Date.from(content.sortDate()));
		}
		entry.setAlternateLinks(List.of(link("alternate",
				this.siteUrl + "/" + content.type() + "s/" + content.id() + "?locale=" + content.locale())));
		if (content.people() != null) {
			entry.setContributors(content.people().stream().map(AtomFeed::person).toList());
		}
		if (content.kind() != null) {
			Category category = new Category();
			category.setTerm(content.kind());
			entry.setCategories(List.of(category));
		}
		if (content.lead() != null) {
			entry.setSummary(content(Content.TEXT, content.lead()));
		}
		if (content.bodyHtml() != null) {
			entry.setContents(List.of(content(Content.HTML, update(content) + content.bodyHtml())));
		}
		return entry;
	}

	/**
	 * "Updated &lt;date&gt;: &lt;note&gt;" before the text of an item whose latest major
	 * change readers are told of, as its page shows it; nothing for any other.
	 */
	private String update(StoredContent content) {
		if (content.updateNote() == null || content.updatedAt() == null) {
			return "";
		}
		String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
			.withLocale(Locale.forLanguageTag(this.locale))
			.format(content.updatedAt().atZone(ZoneOffset.UTC));
		return "<p class=\"update\">" + HtmlUtils.htmlEscape(UPDATED.getOrDefault(this.locale, "Updated"))
				+ " <time datetime=\"" + content.updatedAt() + "\">" + HtmlUtils.htmlEscape(day) + "</time>: "
				+ HtmlUtils.htmlEscape(content.updateNote()) + "</p>";
	}

	private static Link link(String rel, String href) {
		Link link = new Link();
		link.setRel(rel);
		link.setHref(href);
		return link;
	}

	private static SyndPerson person(String name) {
		Person person = new Person();
		person.setName(name);
		return person;
	}

	private static Content content(String type, String value) {
		Content content = new Content();
		content.setType(type);
		content.setValue(value);
		return content;
	}

}
