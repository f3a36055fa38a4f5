package io.chancery.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.ingest.publishing.PartitionWriters.Writer;
import io.chancery.ingest.publishing.RevisionLedger.Remembered;
import io.chancery.ingest.publishing.RevisionLedger.State;
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
 * Publishes changes to their topics and answers only after Kafka committed them
 * (acks=all, idempotent, transactional producers). Each change gets a revision above
 * every earlier one of its item, whichever replica wrote that: the replica writes through
 * the partition's {@link PartitionWriters fenced producer}, and a write that finds itself
 * fenced starts over with what the new holder wrote.
 */
@Component
public class ContentPublisher {

	private static final int ATTEMPTS = 3;

	private final PartitionWriters writers;

	private final RevisionLedger ledger;

	private final PublishingProperties properties;

	private final RecordReader reader;

	private final TraceHeaders traceHeaders;

	ContentPublisher(PartitionWriters writers, RevisionLedger ledger, PublishingProperties properties,
			RecordReader reader, TraceHeaders traceHeaders) {
		this.writers = writers;
		this.ledger = ledger;
		this.properties = properties;
		this.reader = reader;
		this.traceHeaders = traceHeaders;
	}

	/**
	 * Publishes one change.
	 * @param publication the item, its event type and the editor's conditions
	 * @param payload builds the message for the revision the change gets
	 * @return what was published, or the original result when this is a retry under the
	 * same idempotency key
	 * @throws RevisionConflict if the expected revision is not current, or the item
	 * exists and must not
	 * @throws IdempotencyKeyReused if the idempotency key was used for another request
	 * @throws KafkaUnavailable if Kafka did not acknowledge in time
	 */
	public Published publish(Publication publication, LongFunction<?> payload) {
		requireReady();
		Topic topic = publication.type().topic();
		String topicKey = TopicKeys.of(topic, publication.key());
		Writer writer = writer(topic, publication.key(), publication);
		for (int attempt = 1;; attempt++) {
			synchronized (writer) {
				try {
					KafkaProducer<String, byte[]> producer = writer.acquire();
					Optional<Published> replay = replay(publication);
					if (replay.isPresent()) {
						return replay.get();
					}
					check(publication, this.ledger.state(topicKey).orElse(new State(0, 0, null, -1, -1)));
					long revision = this.ledger.reserve(topicKey);
					// Built before the transaction opens: a failure here must not leave
					// it open.
					ProducerRecord<String, byte[]> record = record(writer.partition(), publication,
							payload.apply(revision));
					producer.beginTransaction();
					Future<RecordMetadata> sent = producer.send(record);
					producer.commitTransaction();
					RecordMetadata metadata = sent.get(this.properties.acknowledgementTimeout().toMillis(),
							TimeUnit.MILLISECONDS);
					this.ledger.accept(topicKey, publication.type(), revision, metadata.partition(), metadata.offset(),
							publication.idempotencyKey(), publication.fingerprint());
					return new Published(publication.key(), publication.type(), revision, false);
				}
				catch (ProducerFencedException | InvalidProducerEpochException ex) {
					// Another replica took the partition: start over with what it wrote.
					writer.release();
					if (attempt == ATTEMPTS) {
						throw unavailable(publication, ex);
					}
				}
				catch (KafkaException | ExecutionException | java.util.concurrent.TimeoutException ex) {
					writer.release();
					throw unavailable(publication, ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					writer.release();
					throw unavailable(publication, ex);
				}
			}
		}
	}

	/**
	 * Publishes unconditional changes, for imports: one transaction per partition, all
	 * records of a partition pipelined within it.
	 * @return one outcome per change, in order: what was published, or why not
	 */
	public List<BatchOutcome> publishAll(List<BatchItem> items) {
		requireReady();
		Map<Writer, List<Integer>> byPartition = new LinkedHashMap<>();
		BatchOutcome[] outcomes = new BatchOutcome[items.size()];
		for (int i = 0; i < items.size(); i++) {
			BatchItem item = items.get(i);
			Publication publication = new Publication(item.key(), item.type(), null, false, null, "");
			try {
				byPartition
					.computeIfAbsent(writer(item.type().topic(), item.key(), publication), (w) -> new ArrayList<>())
					.add(i);
			}
			catch (KafkaUnavailable ex) {
				outcomes[i] = new BatchOutcome(null, ex);
			}
		}
		byPartition.forEach((writer, indices) -> publishPartition(writer, items, indices, outcomes));
		return List.of(outcomes);
	}

	private void publishPartition(Writer writer, List<BatchItem> items, List<Integer> indices,
			BatchOutcome[] outcomes) {
		BatchItem first = items.get(indices.get(0));
		Publication context = new Publication(first.key(), first.type(), null, false, null, "");
		for (int attempt = 1;; attempt++) {
			synchronized (writer) {
				try {
					KafkaProducer<String, byte[]> producer = writer.acquire();
					List<ProducerRecord<String, byte[]>> records = new ArrayList<>(indices.size());
					List<Long> revisions = new ArrayList<>(indices.size());
					for (int index : indices) {
						BatchItem item = items.get(index);
						long revision = this.ledger.reserve(TopicKeys.of(item.type().topic(), item.key()));
						revisions.add(revision);
						Publication publication = new Publication(item.key(), item.type(), null, false, null, "");
						records.add(record(writer.partition(), publication, item.payload().apply(revision)));
					}
					// Every record is built before the transaction opens: a failure there
					// must not leave it open.
					producer.beginTransaction();
					List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
					for (ProducerRecord<String, byte[]> record : records) {
						sends.add(producer.send(record));
					}
					producer.commitTransaction();
					for (int n = 0; n < indices.size(); n++) {
						BatchItem item = items.get(indices.get(n));
						RecordMetadata metadata = sends.get(n)
							.get(this.properties.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS);
						this.ledger.accept(TopicKeys.of(item.type().topic(), item.key()), item.type(), revisions.get(n),
								metadata.partition(), metadata.offset(), null, null);
						outcomes[indices.get(n)] = new BatchOutcome(
								new Published(item.key(), item.type(), revisions.get(n), false), null);
					}
					return;
				}
				catch (ProducerFencedException | InvalidProducerEpochException ex) {
					writer.release();
					if (attempt == ATTEMPTS) {
						fail(indices, outcomes, unavailable(context, ex));
						return;
					}
				}
				catch (KafkaException | ExecutionException | java.util.concurrent.TimeoutException ex) {
					writer.release();
					fail(indices, outcomes, unavailable(context, ex));
					return;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					writer.release();
					fail(indices, outcomes, unavailable(context, ex));
					return;
				}
			}
		}
	}

	/**
	 * The message of an item's latest accepted change, read back from Kafka; empty if it
	 * has none.
	 */
	public Optional<byte[]> latest(Topic topic, String key) {
		return this.ledger.state(TopicKeys.of(topic, key))
			.filter((state) -> state.partition() >= 0)
			.flatMap((state) -> this.reader.read(topic, state.partition(), state.offset()));
	}

	private Writer writer(Topic topic, String key, Publication publication) {
		try {
			return this.writers.writer(this.writers.partitionOf(topic, key));
		}
		catch (KafkaException ex) {
			throw unavailable(publication, ex);
		}
	}

	private static void check(Publication publication, State state) {
		if (publication.mustNotExist() && state.exists()) {
			throw new RevisionConflict(publication.key() + " already exists", state.accepted());
		}
		Long expected = publication.expectedRevision();
		if (expected != null && expected != state.accepted()) {
			throw new RevisionConflict("Revision " + expected + " of " + publication.key()
					+ " is not current; the current revision is " + state.accepted(),
					(state.accepted() > 0) ? state.accepted() : null);
		}
	}

	private Optional<Published> replay(Publication publication) {
		String idempotencyKey = publication.idempotencyKey();
		if (idempotencyKey == null) {
			return Optional.empty();
		}
		Optional<Remembered> remembered = this.ledger.remembered(idempotencyKey);
		if (remembered.isEmpty()) {
			return Optional.empty();
		}
		if (!remembered.get().fingerprint().equals(publication.fingerprint())) {
			throw new IdempotencyKeyReused(idempotencyKey);
		}
		return Optional
			.of(new Published(publication.key(), remembered.get().type(), remembered.get().revision(), true));
	}

	private void requireReady() {
		if (!this.ledger.isCaughtUp()) {
			throw new LedgerNotReady();
		}
	}

	private ProducerRecord<String, byte[]> record(TopicPartition partition, Publication publication, Object payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(partition.topic(), partition.partition(),
				publication.key(), MessageJson.mapper().writeValueAsBytes(payload));
		record.headers().add(EventType.HEADER, bytes(publication.type().wireName()));
		if (publication.idempotencyKey() != null) {
			record.headers().add(Headers.IDEMPOTENCY_KEY, bytes(publication.idempotencyKey()));
			record.headers().add(Headers.REQUEST_FINGERPRINT, bytes(publication.fingerprint()));
		}
		this.traceHeaders.inject(record.headers());
		return record;
	}

	private static void fail(List<Integer> indices, BatchOutcome[] outcomes, KafkaUnavailable failure) {
		for (int index : indices) {
			outcomes[index] = new BatchOutcome(null, failure);
		}
	}

	private KafkaUnavailable unavailable(Publication publication, Throwable cause) {
		return new KafkaUnavailable("Kafka did not acknowledge the change to " + publication.key() + " in time",
				this.properties.retryAfter(), cause);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * One change of an import.
	 *
	 * @param key the record key
	 * @param type the event type
	 * @param payload builds the message for the revision the change gets
	 */
	public record BatchItem(String key, EventType type, LongFunction<?> payload) {
	}

	/**
	 * What became of one change of a batch: published, or failed.
	 *
	 * @param published the change, when Kafka acknowledged it
	 * @param failure why not, otherwise
	 */
	public record BatchOutcome(@Nullable Published published, @Nullable KafkaUnavailable failure) {
	}

}
