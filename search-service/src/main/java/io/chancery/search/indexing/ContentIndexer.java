package io.chancery.search.indexing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

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
import io.chancery.search.elasticsearch.RevisionsIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Writes a batch of records to the content index in bulk requests of a bounded size.
 * Newest wins: every document carries its revision as an external version, so a
 * redelivered or older record is refused by Elasticsearch (409) and ignored. Transient
 * failures (Elasticsearch down, 429, 5xx, the index not there yet) are retried with
 * backoff until they pass, so nothing is lost or dead-lettered for them; a record that
 * can never be indexed goes to the dead letters.
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

	private final Counter bulks;

	private final IndexingProperties properties;

	ContentIndexer(ElasticsearchClient client, DeadLetters deadLetters, MeterRegistry meters,
			IndexingProperties properties) {
		this.client = client;
		this.deadLetters = deadLetters;
		this.properties = properties;
		this.bulks = Counter.builder("chancery.indexing.bulks")
			.description("Bulk requests sent, of at most chancery.indexing.max-bulk-bytes each")
			.register(meters);
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
		write(records, ContentIndexer::document, target, poison, live);
	}

	/**
	 * Indexes records of {@code content-revisions} into the editorial record, through its
	 * alias: one document per revision, never replaced.
	 */
	void indexRevisions(List<IncomingRecord> records) {
		writeRevisions(records, this.deadLetters::send);
	}

	/**
	 * Writes records of {@code content-revisions} into the editorial record, retrying
	 * transient failures until they pass.
	 * @param poison told about each record that can never be indexed, with the cause
	 */
	void writeRevisions(List<IncomingRecord> records, Poison poison) {
		write(records, (record) -> Optional.of(RevisionDocument.of(record)), RevisionsIndex.ALIAS, poison, false);
	}

	private void write(List<IncomingRecord> records,
			Function<IncomingRecord, Optional<? extends IndexedDocument>> documents, String target, Poison poison,
			boolean live) {
		Map<String, Pending> pending = new LinkedHashMap<>();
		for (IncomingRecord record : records) {
			if (size(record) > this.properties.maxDocumentBytes().toBytes()) {
				poison.accept(record, "too large to index: about " + size(record) + " bytes, more than "
						+ this.properties.maxDocumentBytes().toBytes());
				continue;
			}
			try {
				documents.apply(record)
					.ifPresent((document) -> pending.merge(document.documentId(), new Pending(record, document),
							(old, added) -> (added.document().revision() >= old.document().revision()) ? added : old));
			}
			catch (RuntimeException ex) {
				poison.accept(record, "unreadable " + record.eventType() + ": " + ex.getMessage());
			}
		}
		Duration backoff = Duration.ofMillis(100);
		long budget = this.properties.maxBulkBytes().toBytes();
		while (!pending.isEmpty()) {
			boolean tooLarge = false;
			for (List<Pending> batch : split(new ArrayList<>(pending.values()), budget)) {
				try {
					this.bulks.increment();
					BulkResponse response = this.client.bulk(bulk(batch, target));
					for (int i = 0; i < batch.size(); i++) {
						settle(pending, batch.get(i), response.items().get(i), poison, live);
					}
				}
				catch (IOException | RuntimeException ex) {
					if (status(ex) != 413) {
						this.transientFailures.increment();
						logger.warn("Elasticsearch did not take a bulk of {} documents, retrying in {} ms: {}",
								batch.size(), backoff.toMillis(), ex.toString());
					}
					else if (batch.size() == 1) {
						Pending alone = batch.get(0);
						pending.remove(alone.document().documentId());
						poison.accept(alone.record(),
								"too large for Elasticsearch to take (413): about " + size(alone.record()) + " bytes");
					}
					else {
						// Larger than Elasticsearch takes, though under the budget:
						// smaller
						// bulks, at once.
						tooLarge = true;
					}
				}
			}
			if (tooLarge) {
				budget = Math.max(1, budget / 2);
				continue;
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

	/** Batches of at most {@code budget} estimated bytes, or of one document each. */
	static <T> List<List<T>> split(List<T> items, java.util.function.ToLongFunction<T> size, long budget) {
		List<List<T>> batches = new ArrayList<>();
		List<T> batch = new ArrayList<>();
		long bytes = 0;
		for (T item : items) {
			long itemBytes = size.applyAsLong(item);
			if (!batch.isEmpty() && bytes + itemBytes > budget) {
				batches.add(batch);
				batch = new ArrayList<>();
				bytes = 0;
			}
			batch.add(item);
			bytes += itemBytes;
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

	private static List<List<Pending>> split(List<Pending> batch, long budget) {
		return split(batch, (item) -> size(item.record()), budget);
	}

	/**
	 * A document's size in a bulk request, estimated from its message: the body is
	 * indexed as text and kept as HTML, so about twice the message.
	 */
	private static long size(IncomingRecord record) {
		return 2L * record.value().length + 256;
	}

	private static int status(Exception ex) {
		if (ex instanceof co.elastic.clients.transport.TransportException transport) {
			return transport.statusCode();
		}
		if (ex instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException elasticsearch) {
			return elasticsearch.status();
		}
		return -1;
	}

	private static BulkRequest bulk(List<Pending> batch, String target) {
		// Through the alias, only while it exists: written to a missing alias, a bulk
		// would
		// create a plain index by that name, which no alias could then take. A 404 waits
		// for the alias instead (IndexUpgrade rebuilds it).
		BulkRequest.Builder bulk = new BulkRequest.Builder()
			.requireAlias(ContentIndex.ALIAS.equals(target) || RevisionsIndex.ALIAS.equals(target));
		for (Pending item : batch) {
			IndexedDocument document = item.document();
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

	private record Pending(IncomingRecord record, IndexedDocument document) {
	}

}
