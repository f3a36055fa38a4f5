package io.chancery.search.indexing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

	private final Timer latency;

	private final Counter transientFailures;

	private final Counter documents;

	ContentIndexer(ElasticsearchClient client, DeadLetters deadLetters, MeterRegistry meters) {
		this.client = client;
		this.deadLetters = deadLetters;
		this.latency = Timer.builder("chancery.indexing.latency")
			.description("From a record's write to the topic until Elasticsearch took its document")
			.publishPercentileHistogram()
			.register(meters);
		this.transientFailures = Counter.builder("chancery.indexing.bulk.failures")
			.description("Bulk requests Elasticsearch did not take, retried")
			.register(meters);
		this.documents = Counter.builder("chancery.indexing.documents")
			.description("Documents written to the live index")
			.register(meters);
	}

	/** Indexes records from the live topics into the live index, through the alias. */
	void index(List<IncomingRecord> records) {
		write(records, ContentIndex.ALIAS, this.deadLetters::send, true);
	}

	/**
	 * Writes records into {@code target}, retrying transient failures until they pass.
	 * @param poison told about each record that can never be indexed, with the cause
	 * @param live whether to record the live index's metrics
	 */
	void write(List<IncomingRecord> records, String target, Poison poison, boolean live) {
		Map<String, Pending> pending = new LinkedHashMap<>();
		for (IncomingRecord record : records) {
			try {
				document(record)
					.ifPresent((document) -> pending.merge(document.documentId(), new Pending(record, document),
							(old, added) -> (added.document().revision() >= old.document().revision()) ? added : old));
			}
			catch (RuntimeException ex) {
				poison.accept(record, "unreadable " + record.eventType() + ": " + ex.getMessage());
			}
		}
		Duration backoff = Duration.ofMillis(100);
		while (!pending.isEmpty()) {
			List<Pending> batch = new ArrayList<>(pending.values());
			try {
				BulkResponse response = this.client.bulk(bulk(batch, target));
				for (int i = 0; i < batch.size(); i++) {
					settle(pending, batch.get(i), response.items().get(i), poison, live);
				}
			}
			catch (IOException | RuntimeException ex) {
				this.transientFailures.increment();
				logger.warn("Elasticsearch did not take a bulk of {} documents, retrying in {} ms: {}", batch.size(),
						backoff.toMillis(), ex.toString());
			}
			if (!pending.isEmpty()) {
				sleep(backoff);
				backoff = (backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0) ? MAX_BACKOFF : backoff.multipliedBy(2);
			}
		}
	}

	private void settle(Map<String, Pending> pending, Pending item, BulkResponseItem result, Poison poison,
			boolean live) {
		int status = result.status();
		if (result.error() == null || status == 409) {
			// Indexed, or a newer revision is already there.
			pending.remove(item.document().documentId());
			if (live) {
				this.documents.increment();
				if (item.record().timestamp() > 0) {
					this.latency.record(Math.max(0, System.currentTimeMillis() - item.record().timestamp()),
							TimeUnit.MILLISECONDS);
				}
			}
		}
		else if (status == 400) {
			pending.remove(item.document().documentId());
			poison.accept(item.record(), "rejected by Elasticsearch: " + result.error().reason());
		}
		// 404 (index not there yet), 429 and 5xx stay pending and are retried.
	}

	private static BulkRequest bulk(List<Pending> batch, String target) {
		BulkRequest.Builder bulk = new BulkRequest.Builder();
		for (Pending item : batch) {
			ContentDocument document = item.document();
			bulk.operations((operation) -> operation.index((index) -> index.index(target)
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

	/** Where records that can never be indexed go. */
	@FunctionalInterface
	interface Poison {

		void accept(IncomingRecord record, String cause);

	}

	private record Pending(IncomingRecord record, ContentDocument document) {
	}

}
