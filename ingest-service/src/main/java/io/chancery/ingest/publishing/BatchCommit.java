package io.chancery.ingest.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.chancery.ingest.publishing.ContentPublisher.BatchItem;
import io.chancery.ingest.publishing.ContentPublisher.BatchOutcome;
import io.chancery.ingest.publishing.PartitionWriters.Writer;
import io.chancery.ingest.publishing.Transactions.Sent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import org.springframework.stereotype.Component;

/**
 * An import's unconditional changes to one partition, in one transaction with every
 * record pipelined. Single changes waiting for the partition are committed first, so a
 * large import does not hold them up.
 */
@Component
class BatchCommit {

	private final RevisionLedger ledger;

	private final PartitionOwnership ownership;

	private final Transactions transactions;

	private final GroupCommit groupCommit;

	BatchCommit(RevisionLedger ledger, PartitionOwnership ownership, Transactions transactions,
			GroupCommit groupCommit) {
		this.ledger = ledger;
		this.ownership = ownership;
		this.transactions = transactions;
		this.groupCommit = groupCommit;
	}

	/**
	 * Publishes an import's changes to one partition; false if this replica does not own
	 * it.
	 */
	boolean publish(Writer writer, List<BatchItem> items, List<Integer> all, BatchOutcome[] outcomes) {
		BatchItem first = items.get(all.get(0));
		Publication context = new Publication(first.key(), first.type(), null, false, null, null);
		for (int attempt = 1;; attempt++) {
			writer.lock().lock();
			try {
				if (!this.ownership.owns(writer.partition())) {
					return false;
				}
				this.groupCommit.commitWaiting(writer);
				// A restored change whose item already has its revision is there: nothing
				// to
				// send (a restore run twice changes nothing).
				List<Integer> indices = new ArrayList<>(all.size());
				List<Long> revisions = new ArrayList<>(all.size());
				List<Previous> previous = new ArrayList<>(all.size());
				for (int index : all) {
					BatchItem item = items.get(index);
					String topicKey = TopicKeys.of(item.type().topic(), item.key());
					Previous before = this.ledger.previous(topicKey);
					if (item.restoring() == 0) {
						previous.add(before);
						indices.add(index);
						revisions.add(this.ledger.reserve(topicKey));
					}
					else if (this.ledger.reserveExactly(topicKey, item.restoring())) {
						previous.add(before);
						indices.add(index);
						revisions.add(item.restoring());
					}
					else {
						outcomes[index] = new BatchOutcome(
								new Published(item.key(), item.type(), item.restoring(), true), null, null);
					}
				}
				if (indices.isEmpty()) {
					return true;
				}
				List<ItemFacts> facts = new ArrayList<>(indices.size());
				Sent sent = this.transactions.run(writer, () -> {
					List<ProducerRecord<String, byte[]>> records = new ArrayList<>(indices.size());
					facts.clear();
					for (int n = 0; n < indices.size(); n++) {
						BatchItem item = items.get(indices.get(n));
						long revision = revisions.get(n);
						Publication publication = new Publication(item.key(), item.type(), null, false, null, null);
						Object message = item.payload().at(revision, previous.get(n));
						facts.add(ItemFacts.of(message));
						records.add(this.transactions.record(writer.partition(), publication, message));
					}
					return records;
				});
				if (sent.committed()) {
					for (int n = 0; n < indices.size(); n++) {
						BatchItem item = items.get(indices.get(n));
						RecordMetadata metadata = sent.metadata().get(n);
						this.ledger.accept(TopicKeys.of(item.type().topic(), item.key()), item.type(), revisions.get(n),
								metadata.partition(), metadata.offset(), null, null, facts.get(n));
						outcomes[indices.get(n)] = new BatchOutcome(
								new Published(item.key(), item.type(), revisions.get(n), false), null, null);
					}
					return true;
				}
				if (sent.fenced() && attempt < Transactions.ATTEMPTS) {
					for (int n = revisions.size() - 1; n >= 0; n--) {
						BatchItem item = items.get(indices.get(n));
						this.ledger.unreserve(TopicKeys.of(item.type().topic(), item.key()), revisions.get(n));
					}
					continue;
				}
				fail(indices, outcomes, this.transactions.unavailable(context, Objects.requireNonNull(sent.failure())));
				return true;
			}
			finally {
				writer.lock().unlock();
				this.groupCommit.wakeNext(writer.partition());
			}
		}
	}

	private static void fail(List<Integer> indices, BatchOutcome[] outcomes, WriteRefused failure) {
		for (int index : indices) {
			outcomes[index] = new BatchOutcome(null, failure, null);
		}
	}

}
