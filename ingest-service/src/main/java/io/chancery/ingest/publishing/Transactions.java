package io.chancery.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.ingest.publishing.PartitionWriters.Writer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Kafka transactions on a partition's fenced producer, and the records they carry: the
 * one way single changes and imports reach Kafka.
 */
@Component
class Transactions {

	/** How many times changes are tried when another replica fenced their transaction. */
	static final int ATTEMPTS = 3;

	/** The topics whose every change is kept on {@code content-revisions}. */
	private static final Map<String, Topic> REVISIONED = Map.of(Topic.ARTICLES.wireName(), Topic.ARTICLES,
			Topic.EVENTS.wireName(), Topic.EVENTS);

	private final PublishingProperties properties;

	private final TraceHeaders traceHeaders;

	private final DistributionSummary changesPerTransaction;

	Transactions(PublishingProperties properties, TraceHeaders traceHeaders, MeterRegistry meters) {
		this.properties = properties;
		this.traceHeaders = traceHeaders;
		// A transaction costs the same whatever it carries, here and in Kafka's
		// coordinator: how many changes share one says how much group commit saves.
		this.changesPerTransaction = DistributionSummary.builder("chancery.ingest.transaction.changes")
			.description("Changes committed per Kafka transaction: single changes committed together, or an "
					+ "import batch's changes to one partition")
			.register(meters);
	}

	/**
	 * One transaction on a partition: the one way single changes and imports reach Kafka.
	 * The records are built after the producer is acquired (which, when this replica has
	 * just taken the partition, fences the previous holder and waits until the ledger has
	 * read everything it committed) and before the transaction opens, so that a failure
	 * building them cannot leave it open. Each record's acknowledgement is awaited. On a
	 * failure the producer is closed, and the next transaction starts a fresh one.
	 * @return the records' metadata in order once committed, or why not: fenced by
	 * another replica (worth retrying over what it wrote) or Kafka not answering in time
	 */
	Sent run(Writer writer, Supplier<List<ProducerRecord<String, byte[]>>> build) {
		try {
			KafkaProducer<String, byte[]> producer = writer.acquire();
			List<ProducerRecord<String, byte[]>> records = build.get();
			if (records.isEmpty()) {
				return new Sent(List.of(), null);
			}
			producer.beginTransaction();
			List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
			for (ProducerRecord<String, byte[]> record : records) {
				sends.add(producer.send(record));
				ProducerRecord<String, byte[]> revision = revision(record);
				if (revision != null) {
					// The commit fails if this send does: the change and its place in the
					// editorial record are committed together or not at all.
					producer.send(revision);
				}
			}
			producer.commitTransaction();
			this.changesPerTransaction.record(records.size());
			List<RecordMetadata> metadata = new ArrayList<>(sends.size());
			for (Future<RecordMetadata> send : sends) {
				metadata.add(send.get(this.properties.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS));
			}
			return new Sent(metadata, null);
		}
		catch (KafkaException | ExecutionException | java.util.concurrent.TimeoutException ex) {
			writer.release();
			return new Sent(List.of(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			writer.release();
			return new Sent(List.of(), ex);
		}
	}

	ProducerRecord<String, byte[]> record(TopicPartition partition, Publication publication, Object payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(partition.topic(), partition.partition(),
				publication.key(), MessageJson.mapper().writeValueAsBytes(payload));
		record.headers().add(EventType.HEADER, bytes(publication.type().wireName()));
		String fingerprint = publication.fingerprint();
		if (publication.idempotencyKey() != null && fingerprint != null) {
			record.headers().add(Headers.IDEMPOTENCY_KEY, bytes(publication.idempotencyKey()));
			record.headers().add(Headers.REQUEST_FINGERPRINT, bytes(fingerprint));
		}
		ItemFacts facts = ItemFacts.of(payload);
		if (facts.majorChange() != null) {
			record.headers().add(Headers.MAJOR_CHANGE, MessageJson.mapper().writeValueAsBytes(facts.majorChange()));
		}
		if (facts.draft()) {
			record.headers().add(Headers.DRAFT, bytes("true"));
		}
		this.traceHeaders.inject(record.headers());
		return record;
	}

	/**
	 * The copy of an article's or event's change kept on {@code content-revisions}, which
	 * is never compacted; none for site details.
	 */
	static @Nullable ProducerRecord<String, byte[]> revision(ProducerRecord<String, byte[]> change) {
		Topic source = REVISIONED.get(change.topic());
		if (source == null) {
			return null;
		}
		return new ProducerRecord<>(Topic.CONTENT_REVISIONS.wireName(), null, change.timestamp(),
				Topic.revisionsKey(source, change.key()), change.value(), change.headers());
	}

	WriteRefused unavailable(Publication publication, Throwable cause) {
		return new WriteRefused(
				"Kafka did not acknowledge the change to " + publication.key()
						+ " in time, so it may not be stored. Retry with the same Idempotency-Key.",
				this.properties.retryAfter(), cause);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * What became of one transaction.
	 *
	 * @param metadata each record's place in the partition, once committed
	 * @param failure why it was not committed
	 */
	record Sent(List<RecordMetadata> metadata, @Nullable Exception failure) {

		boolean committed() {
			return this.failure == null;
		}

		/** Another replica took the partition and aborted this transaction. */
		boolean fenced() {
			return this.failure instanceof ProducerFencedException
					|| this.failure instanceof InvalidProducerEpochException;
		}

	}

}
