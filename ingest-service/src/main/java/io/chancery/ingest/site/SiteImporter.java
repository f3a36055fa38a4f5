package io.chancery.ingest.site;

import io.chancery.contracts.EventType;
import io.chancery.ingest.changes.ImportContext;
import io.chancery.ingest.imports.ContentImporter;
import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Import lines of type {@code site}: a {@code locale} plus the body of {@code PUT
 * /api/v1/site/{locale}}.
 */
@Component
class SiteImporter implements ContentImporter {

	private final SiteChanges changes;

	private final JsonMapper json;

	SiteImporter(SiteChanges changes, JsonMapper json) {
		this.changes = changes;
		this.json = json;
	}

	@Override
	public String type() {
		return "site";
	}

	@Override
	public BatchItem prepare(JsonNode line, ImportContext context) {
		JsonNode localeNode = ((ObjectNode) line).remove("locale");
		String locale = (localeNode != null && localeNode.isString()) ? localeNode.asString() : "";
		SiteRequest request = this.json.treeToValue(line, SiteRequest.class);
		this.changes.validate(request, locale);
		return new BatchItem(locale, EventType.SITE_DETAILS_UPDATED,
				(revision, previous) -> this.changes.details(request, locale, revision));
	}

}
