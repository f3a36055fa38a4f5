package io.chancery.ingest.backup;

import java.util.List;
import java.util.Set;

import io.chancery.contracts.ContentKey;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.SiteDetails;
import io.chancery.ingest.changes.ImportContext;
import io.chancery.ingest.imports.ContentImporter;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import io.chancery.ingest.validation.InvalidContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Import lines of type {@code stored}: a message as the source topics hold it, with its
 * {@code eventType}, as the export writes them. It is published at the revision it
 * carries when the item's current revision is below it, and skipped when the item already
 * has it, so a backup restores an empty platform with the same revisions and a restore
 * run twice changes nothing. Only admins restore: an editor's import of such a line is
 * refused.
 */
@Component
class StoredImporter implements ContentImporter {

	static final String TYPE = "stored";

	private static final Set<EventType> SOURCE = Set.of(EventType.ARTICLE_PUBLISHED, EventType.ARTICLE_WITHDRAWN,
			EventType.EVENT_PUBLISHED, EventType.EVENT_WITHDRAWN, EventType.SITE_DETAILS_UPDATED);

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public BatchItem prepare(JsonNode line, ImportContext context) {
		if (!isAdmin()) {
			throw invalid("type", "stored lines restore a backup, which needs the admin role");
		}
		EventType type = EventType.fromWireName(line.path("eventType").asString(""))
			.filter(SOURCE::contains)
			.orElseThrow(() -> invalid("eventType", "must be one of article-published, article-withdrawn, "
					+ "event-published, event-withdrawn, site-details-updated"));
		if (!(line.path("message") instanceof ObjectNode message)) {
			throw invalid("message", "must be the stored message, an object");
		}
		// Read as the consumers read it, so that nothing unreadable is restored.
		Object read = MessageJson.mapper().treeToValue(message, type.payloadType());
		long revision = message.path("revision").asLong(0);
		if (revision < 1) {
			throw invalid("message.revision", "must be 1 or more");
		}
		String key = (read instanceof SiteDetails details) ? details.locale()
				: ContentKey.of(message.path("id").asString(""), message.path("locale").asString(""));
		return new BatchItem(key, type, (given, previous) -> message.deepCopy().put("revision", given), revision);
	}

	private static boolean isAdmin() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
	}

	private static InvalidContent invalid(String field, String message) {
		return new InvalidContent(List.of(new InvalidContent.Violation(field, message)));
	}

}
