package io.chancery.ingest.validation;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * Cleans editors' text with jsoup's allow-list: bodies keep paragraphs, line breaks,
 * links (http, https and mailto only), emphasis, quotes, headings and lists; scripts,
 * event handlers, styles and {@code javascript:} URLs are dropped. Plain fields (titles,
 * leads, names) lose all markup.
 */
public final class HtmlSanitizer {

	private static final Safelist BODY = Safelist.basic()
		.addTags("h2", "h3", "h4", "figure", "figcaption")
		.addAttributes("a", "title")
		.addProtocols("a", "href", "http", "https", "mailto");

	private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

	private HtmlSanitizer() {
	}

	public static String body(String html) {
		return Jsoup.clean(html, "", BODY, COMPACT);
	}

	/** The text of a plain field, without any markup, as a reader should see it. */
	public static @Nullable String plain(@Nullable String text) {
		if (text == null) {
			return null;
		}
		if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
			return text.strip();
		}
		return Jsoup.parse(text).text().strip();
	}

}
