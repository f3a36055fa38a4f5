package io.chancery.ingest.site;

import io.chancery.contracts.EventType;
import io.chancery.ingest.publishing.ContentPublisher;
import io.chancery.ingest.publishing.Publication;
import io.chancery.ingest.publishing.Published;
import io.chancery.ingest.changes.Change;
import io.chancery.ingest.changes.Conditions;
import io.chancery.ingest.changes.Fingerprints;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces the site details of one locale; consumers show the change without a redeploy.
 */
@RestController
class SiteController {

	private final ContentPublisher publisher;

	private final JsonMapper json;

	private final SiteChanges changes;

	SiteController(ContentPublisher publisher, JsonMapper json, SiteChanges changes) {
		this.publisher = publisher;
		this.json = json;
		this.changes = changes;
	}

	@PutMapping(path = "/api/v1/site/{locale}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Change> replace(@PathVariable String locale, @RequestBody SiteRequest request,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		this.publisher.requireWritable(EventType.SITE_DETAILS_UPDATED.topic(), locale);
		this.changes.validate(request, locale);
		String retryKey = Conditions.idempotencyKey(idempotencyKey);
		Publication publication = new Publication(locale, EventType.SITE_DETAILS_UPDATED,
				Conditions.expectedRevision(ifMatch), false, retryKey,
				Fingerprints.of(retryKey, "PUT", "/api/v1/site/" + locale, () -> this.json.writeValueAsBytes(request)));
		Published published = this.publisher.publish(publication,
				(revision, previous) -> this.changes.details(request, locale, revision));
		return Change.answer(HttpStatus.OK, "site", locale, published, null);
	}

}
