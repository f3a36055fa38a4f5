package io.chancery.ingest.publishing;

import io.chancery.contracts.Article;
import io.chancery.contracts.ContentStatus;
import io.chancery.contracts.Event;
import io.chancery.contracts.MajorChange;
import io.chancery.contracts.MessageJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the writer keeps of an item's latest message beyond its revision, for the next
 * change: its latest major change, which a minor change carries on, and whether it is a
 * draft, which a change may only stay or leave. Travels in headers too, so the ledger is
 * rebuilt without reading the messages.
 *
 * @param majorChange the item's latest major change
 * @param draft whether the message is a draft
 */
public record ItemFacts(@Nullable MajorChange majorChange, boolean draft) {

	static final ItemFacts NONE = new ItemFacts(null, false);

	/**
	 * The facts of a message: an article's or event's, as built or as restored from a
	 * backup; none for anything else.
	 */
	public static ItemFacts of(@Nullable Object message) {
		if (message instanceof Article article) {
			return new ItemFacts(article.majorChange(), article.status() == ContentStatus.DRAFT);
		}
		if (message instanceof Event event) {
			return new ItemFacts(event.majorChange(), event.status() == ContentStatus.DRAFT);
		}
		if (message instanceof JsonNode stored && stored.has("id") && stored.has("status")) {
			// A message restored from a backup as it was stored: an article's or event's.
			JsonNode majorChange = stored.path("majorChange");
			return new ItemFacts(
					majorChange.isObject() ? MessageJson.mapper().treeToValue(majorChange, MajorChange.class) : null,
					"draft".equals(stored.path("status").asString("")));
		}
		return NONE;
	}

}
