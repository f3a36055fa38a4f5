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

	/**
	 * The last body cleaned on this thread. A change is validated (which needs the
	 * cleaned body to tell whether any text is left) and then built from the same request
	 * on the same thread; cleaning is most of a write's CPU, so the second call reuses
	 * the first's result for the very same string, once.
	 */
	private static final ThreadLocal<Cleaned> last = new ThreadLocal<>();

	private static final int MEMO_LIMIT = 100_000;

	public static String body(String html) {
		Cleaned cleaned = last.get();
		if (cleaned != null && cleaned.html() == html) {
			// Used once: nothing stays on an idle thread.
			last.remove();
			return cleaned.body();
		}
		String body = Jsoup.clean(html, "", BODY, COMPACT);
		if (html.length() <= MEMO_LIMIT) {
			last.set(new Cleaned(html, body));
		}
		return body;
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

	private record Cleaned(String html, String body) {
	}

}
