package io.chancery.search.indexing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.chancery.contracts.Article;
import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Withdrawal;
import io.chancery.search.elasticsearch.ContentIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes a batch of records to the content index in one bulk request. Newest wins: every
 * document carries its revision as an external version, so a redelivered or older record
 * is refused by Elasticsearch (409) and ignored. Transient failures (Elasticsearch down,
 * 429, 5xx, the index not there yet) are retried with backoff until they pass, so nothing
 * is lost or dead-lettered for them; a record that can never be indexed goes to the dead
 * letters.
 */
@Component
class ContentIndexer {

	private static final Logger logger = LoggerFactory.getLogger(ContentIndexer.class);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final ElasticsearchClient client;

	private final DeadLetters deadLetters;

	ContentIndexer(ElasticsearchClient client, DeadLetters deadLetters) {
		this.client = client;
		this.deadLetters = deadLetters;
	}

	void index(List<IncomingRecord> records) {
		Map<String, Pending> pending = new LinkedHashMap<>();
		for (IncomingRecord record : records) {
			try {
				document(record)
					.ifPresent((document) -> pending.merge(document.documentId(), new Pending(record, document),
							(old, added) -> (added.document().revision() >= old.document().revision()) ? added : old));
			}
			catch (RuntimeException ex) {
				this.deadLetters.send(record, "unreadable " + record.eventType() + ": " + ex.getMessage());
			}
		}
		Duration backoff = Duration.ofMillis(100);
		while (!pending.isEmpty()) {
			List<Pending> batch = new ArrayList<>(pending.values());
			try {
				BulkResponse response = this.client.bulk(bulk(batch));
				for (int i = 0; i < batch.size(); i++) {
					settle(pending, batch.get(i), response.items().get(i));
				}
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Elasticsearch did not take a bulk of {} documents, retrying in {} ms: {}", batch.size(),
						backoff.toMillis(), ex.toString());
			}
			if (!pending.isEmpty()) {
				sleep(backoff);
				backoff = (backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff.multipliedBy(2);
			}
		}
	}

	private void settle(Map<String, Pending> pending, Pending item, BulkResponseItem result) {
		int status = result.status();
		if (result.error() == null || status == 409) {
			// Indexed, or a newer revision is already there.
			pending.remove(item.document().documentId());
		}
		else if (status == 400) {
			pending.remove(item.document().documentId());
			this.deadLetters.send(item.record(), "rejected by Elasticsearch: " + result.error().reason());
		}
		// 404 (index not there yet), 429 and 5xx stay pending and are retried.
	}

	private static BulkRequest bulk(List<Pending> batch) {
		BulkRequest.Builder bulk = new BulkRequest.Builder();
		for (Pending item : batch) {
			ContentDocument document = item.document();
			bulk.operations((operation) -> operation.index((index) -> index.index(ContentIndex.ALIAS)
				.id(document.documentId())
				.version(document.revision())
				.versionType(VersionType.External)
				.document(document)));
		}
		return bulk.build();
	}

	private static Optional<ContentDocument> document(IncomingRecord record) {
		Optional<EventType> type = Optional.ofNullable(record.eventType()).flatMap(EventType::fromWireName);
		if (type.isEmpty()) {
			throw new IllegalArgumentException("missing or unknown event-type header");
		}
		return switch (type.get()) {
			case ARTICLE_PUBLISHED -> Optional.of(ContentDocument.of(read(record, Article.class)));
			case EVENT_PUBLISHED -> Optional.of(ContentDocument.of(read(record, Event.class)));
			case ARTICLE_WITHDRAWN -> Optional.of(ContentDocument.tombstone("article", read(record, Withdrawal.class)));
			case EVENT_WITHDRAWN -> Optional.of(ContentDocument.tombstone("event", read(record, Withdrawal.class)));
			default -> Optional.empty();
		};
	}

	private static <T> T read(IncomingRecord record, Class<T> type) {
		T value = MessageJson.mapper().readValue(record.value(), type);
		if (value == null) {
			throw new IllegalArgumentException("empty payload");
		}
		return value;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
		}
	}

	private record Pending(IncomingRecord record, ContentDocument document) {
	}

}
