package io.chancery.ingest.events;

import java.time.Clock;

import io.chancery.contracts.Event;
import io.chancery.ingest.changes.ChangeRoutes;
import io.chancery.ingest.changes.ContentController;
import io.chancery.ingest.changes.EditorialRecord;
import io.chancery.ingest.publishing.ContentPublisher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Create, replace, withdraw and restore events: the routes of {@link ContentController}.
 */
@RestController
@RequestMapping("/api/v1/events")
class EventController extends ContentController<EventRequest, Event> {

	EventController(ChangeRoutes.Kind<EventRequest, Event> kind, ContentPublisher publisher, JsonMapper json,
			Clock clock, EditorialRecord record) {
		super(new ChangeRoutes<>(kind, publisher, json, clock, record));
	}

}
