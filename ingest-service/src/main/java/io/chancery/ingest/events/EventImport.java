package io.chancery.ingest.events;

import java.util.Objects;

import io.chancery.contracts.ContentKey;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.ingest.imports.ContentImporter;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Import lines of type {@code event}: the same fields and rules as
 * {@code POST /api/v1/events}.
 */
@Component
class EventImporter implements ContentImporter {

	private final EventChanges changes;

	private final JsonMapper json;

	EventImporter(EventChanges changes, JsonMapper json) {
		this.changes = changes;
		this.json = json;
	}

	@Override
	public String type() {
		return "event";
	}

	@Override
	public BatchItem prepare(JsonNode line) {
		EventRequest request = this.json.treeToValue(line, EventRequest.class);
		String id = Objects.requireNonNullElse(request.id(), "");
		String locale = Objects.requireNonNullElse(request.locale(), "");
		this.changes.validate(request, id, locale);
		Event draft = this.changes.event(request, id, locale, 0);
		return new BatchItem(ContentKey.of(id, locale), EventType.EVENT_PUBLISHED, draft::atRevision);
	}

}
