package io.chancery.ingest.publishing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;

import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.ingest.publishing.RevisionLedger.Remembered;
import io.chancery.ingest.publishing.RevisionLedger.State;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes changes to their topics and answers only after Kafka acknowledged them
 * (acks=all, idempotent producer). Each change gets a revision above every earlier one of
 * its item; writes of one item are serialized within this instance, and a change
 * conditioned on a revision that is no longer current is refused.
 */
@Component
public class ContentPublisher {

	private static final int STRIPES = 1024;

	private final KafkaTemplate<String, byte[]> kafka;

	private final RevisionLedger ledger;

	private final PublishingProperties properties;

	private final RecordReader reader;

	private final Object[] stripes = new Object[STRIPES];

	ContentPublisher(KafkaTemplate<String, byte[]> kafka, RevisionLedger ledger, PublishingProperties properties,
			RecordReader reader) {
		this.kafka = kafka;
		this.ledger = ledger;
		this.properties = properties;
		this.reader = reader;
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Object();
		}
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
		String topicKey = TopicKeys.of(publication.type().topic(), publication.key());
		synchronized (this.stripes[Math.floorMod(topicKey.hashCode(), STRIPES)]) {
			Optional<Published> replay = replay(publication);
			if (replay.isPresent()) {
				return replay.get();
			}
			State state = this.ledger.state(topicKey).orElse(new State(0, 0, null, -1, -1));
			if (publication.mustNotExist() && state.exists()) {
				throw new RevisionConflict(publication.key() + " already exists", state.accepted());
			}
			Long expected = publication.expectedRevision();
			if (expected != null && expected != state.accepted()) {
				throw new RevisionConflict(
						"Revision " + expected + " of " + publication.key()
								+ " is not current; the current revision is " + state.accepted(),
						(state.accepted() > 0) ? state.accepted() : null);
			}
			long revision = this.ledger.reserve(topicKey);
			RecordMetadata metadata = await(send(publication, revision, payload.apply(revision)), publication);
			this.ledger.accept(topicKey, publication.type(), revision, metadata.partition(), metadata.offset(),
					publication.idempotencyKey(), publication.fingerprint());
			return new Published(publication.key(), publication.type(), revision, false);
		}
	}

	/**
	 * Publishes unconditional changes in one pipelined batch, for imports: all are sent
	 * before any is awaited.
	 * @return one outcome per change, in order: what was published, or why not
	 */
	public List<BatchOutcome> publishAll(List<BatchItem> items) {
		requireReady();
		List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(items.size());
		List<Long> revisions = new ArrayList<>(items.size());
		for (BatchItem item : items) {
			long revision = this.ledger.reserve(TopicKeys.of(item.type().topic(), item.key()));
			revisions.add(revision);
			Publication publication = new Publication(item.key(), item.type(), null, false, null, "");
			sends.add(sendOrFail(publication, revision, item.payload().apply(revision)));
		}
		List<BatchOutcome> outcomes = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			BatchItem item = items.get(i);
			Publication publication = new Publication(item.key(), item.type(), null, false, null, "");
			try {
				RecordMetadata metadata = await(sends.get(i), publication);
				this.ledger.accept(TopicKeys.of(item.type().topic(), item.key()), item.type(), revisions.get(i),
						metadata.partition(), metadata.offset(), null, null);
				outcomes.add(new BatchOutcome(new Published(item.key(), item.type(), revisions.get(i), false), null));
			}
			catch (KafkaUnavailable ex) {
				outcomes.add(new BatchOutcome(null, ex));
			}
		}
		return outcomes;
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

	private CompletableFuture<SendResult<String, byte[]>> send(Publication publication, long revision, Object payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(publication.type().topic().wireName(),
				publication.key(), MessageJson.mapper().writeValueAsBytes(payload));
		record.headers().add(EventType.HEADER, bytes(publication.type().wireName()));
		if (publication.idempotencyKey() != null) {
			record.headers().add(Headers.IDEMPOTENCY_KEY, bytes(publication.idempotencyKey()));
			record.headers().add(Headers.REQUEST_FINGERPRINT, bytes(publication.fingerprint()));
		}
		try {
			return this.kafka.send(record);
		}
		catch (KafkaException | org.springframework.kafka.KafkaException ex) {
			// Metadata could not be fetched within max.block.ms: the broker is
			// unreachable.
			throw unavailable(publication, ex);
		}
	}

	private CompletableFuture<SendResult<String, byte[]>> sendOrFail(Publication publication, long revision,
			Object payload) {
		try {
			return send(publication, revision, payload);
		}
		catch (KafkaUnavailable ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private RecordMetadata await(CompletableFuture<SendResult<String, byte[]>> send, Publication publication) {
		try {
			return send.get(this.properties.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.getRecordMetadata();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(publication, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof KafkaUnavailable unavailable) {
				throw unavailable;
			}
			throw unavailable(publication, ex.getCause());
		}
		catch (TimeoutException ex) {
			throw unavailable(publication, ex);
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
	public record BatchOutcome(@org.jspecify.annotations.Nullable Published published,
			@org.jspecify.annotations.Nullable KafkaUnavailable failure) {
	}

}
