package io.chancery.ingest.events;

import io.chancery.contracts.Event;
import io.chancery.ingest.changes.ChangeRoutes;
import io.chancery.ingest.imports.ContentImporter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Import lines of type {@code event}: the same fields and rules as
 * {@code POST /api/v1/events}, from the same description of the kind.
 */
@Configuration(proxyBeanMethods = false)
class EventImport {

	@Bean
	ContentImporter eventImporter(EventChanges changes, JsonMapper json) {
		ChangeRoutes.Kind<EventRequest, Event> kind = changes.kind();
		return ContentImporter.of(kind.importType(), (line, context) -> kind.importLine(line, json, context));
	}

}
