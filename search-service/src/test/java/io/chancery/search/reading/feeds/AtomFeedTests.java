package io.chancery.search.reading.feeds;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.chancery.search.reading.StoredContent;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

class AtomFeedTests {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private final AtomFeed feed = new AtomFeed("https://embassy.example/feeds/articles.atom?locale=ru", "Статьи", "ru",
			"https://embassy.example", "Посольство");

	@Test
	void aMiddlePageLinksToTheFirstThePreviousAndTheNext() throws Exception {
		Document atom = parse(this.feed.write(2, 1, new FeedEntries.Page(List.of(article("a2", "Второе")), 3)));

		assertThat(links(atom)).containsExactly("self …&page=2", "first …&page=1", "previous …&page=1",
				"next …&page=3");
		Element root = atom.getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
		assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("ru");
		assertThat(text(atom, "updated")).startsWith("2026-11-30T10:15:00");
	}

	@Test
	void theLastPageHasNoNextAndTheFirstNoPrevious() throws Exception {
		Document only = parse(this.feed.write(1, 20, new FeedEntries.Page(List.of(article("a1", "Первое")), 1)));

		assertThat(links(only)).containsExactly("self …&page=1", "first …&page=1");
	}

	@Test
	void anEntryCarriesItsFullTextAsEscapedHtmlAndLinksToItsPage() throws Exception {
		String xml = this.feed.write(1, 20,
				new FeedEntries.Page(List.of(article("a1", "Выступление <посла> & ответы")), 1));
		Document atom = parse(xml);

		Element entry = (Element) atom.getElementsByTagNameNS(ATOM, "entry").item(0);
		assertThat(text(entry, "id")).isEqualTo("urn:chancery:article:a1:ru");
		assertThat(text(entry, "title")).isEqualTo("Выступление <посла> & ответы");
		assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "link").item(0)).getAttribute("href"))
			.isEqualTo("https://embassy.example/articles/a1?locale=ru");
		Element content = (Element) entry.getElementsByTagNameNS(ATOM, "content").item(0);
		assertThat(content.getAttribute("type")).isEqualTo("html");
		assertThat(content.getTextContent()).isEqualTo("<p>Текст <b>речи</b></p>");
		assertThat(xml).contains("&lt;p&gt;Текст");
		assertThat(text(entry, "summary")).isEqualTo("Вводная");
		assertThat(((Element) entry.getElementsByTagNameNS(ATOM, "category").item(0)).getAttribute("term"))
			.isEqualTo("speech");
		assertThat(text((Element) entry.getElementsByTagNameNS(ATOM, "contributor").item(0), "name"))
			.isEqualTo("Посол");
		assertThat(text(atom, "name")).isEqualTo("Посольство");
	}

	@Test
	void anEntryWithAMajorChangeTellsItBeforeItsTextAndIsUpdatedThen() throws Exception {
		StoredContent changed = new StoredContent("article", "a3", "ru", 4, "published", "speech", "Речь", null, null,
				"<p>Текст</p>", null, null, null, Instant.parse("2026-11-29T09:00:00Z"), "Europe/Moscow", null, null,
				List.of(), List.of(), null, null, null, null, null, Instant.parse("2026-12-01T08:00:00Z"),
				"Исправлена дата <встречи>");

		String xml = this.feed.write(1, 20, new FeedEntries.Page(List.of(changed), 1));

		assertThat(xml).contains("&lt;p class=\"update\"&gt;Обновлено &lt;time datetime=\"2026-12-01T08:00:00Z\"&gt;",
				"Исправлена дата &amp;lt;встречи&amp;gt;&lt;/p&gt;&lt;p&gt;Текст");
		Element entry = (Element) parse(xml).getElementsByTagNameNS(ATOM, "entry").item(0);
		assertThat(text(entry, "updated")).isEqualTo("2026-12-01T08:00:00Z");
	}

	private static StoredContent article(String id, String title) {
		return new StoredContent("article", id, "ru", 1, "published", "speech", title, "Вводная", null,
				"<p>Текст <b>речи</b></p>", null, null, null, Instant.parse("2026-11-29T09:00:00Z"), "Europe/Moscow",
				null, null, List.of("Посол"), List.of(), null, null, null, null, null,
				Instant.parse("2026-11-30T10:15:00Z"), null);
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	private static List<String> links(Document atom) {
		NodeList links = atom.getDocumentElement().getChildNodes();
		List<Element> feedLinks = new java.util.ArrayList<>();
		for (int i = 0; i < links.getLength(); i++) {
			if (links.item(i) instanceof Element element && "link".equals(element.getLocalName())) {
				feedLinks.add(element);
			}
		}
		return feedLinks.stream()
			.map((link) -> link.getAttribute("rel") + " "
					+ link.getAttribute("href").replace("https://embassy.example/feeds/articles.atom?locale=ru", "…"))
			.toList();
	}

	private static String text(Document document, String name) {
		return text(document.getDocumentElement(), name);
	}

	private static String text(Element element, String name) {
		return element.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
	}

}
