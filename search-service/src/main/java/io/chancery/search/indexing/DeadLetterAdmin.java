package io.chancery.search.indexing;

import java.util.ArrayList;
import java.util.List;

import io.chancery.contracts.Topic;
import io.chancery.kafka.DeadLetterReader;
import io.chancery.kafka.DeadLetterWriter;
import io.chancery.kafka.DeadLetterReader.DeadLetterPage;
import io.chancery.kafka.DeadLetterReader.Failure;
import io.chancery.kafka.DeadLetterReader.ReplayReport;
import io.chancery.search.elasticsearch.ContentIndex;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Lists the dead letters and replays them through the indexer, for after a fix. A replay
 * is idempotent (external versions), so replaying the same letters twice does no harm; a
 * letter that still cannot be indexed is reported, not dead-lettered again.
 */
@Component
class DeadLetterAdmin {

	private final DeadLetterReader reader;

	private final ContentIndexer indexer;

	DeadLetterAdmin(KafkaProperties kafka, ContentIndexer indexer) {
		this.reader = new DeadLetterReader(kafka, Topic.SEARCH_SERVICE_DEAD_LETTERS.wireName(),
				"search-service-dead-letter-admin");
		this.indexer = indexer;
	}

	/** Dead letters from {@code from} on, at most {@code limit}. */
	DeadLetterPage list(long from, int limit) {
		return this.reader.page(from, limit);
	}

	/**
	 * Runs every dead letter from {@code from} on through the indexer again, each into
	 * what its origin feeds: a letter from {@code content-revisions} into the editorial
	 * record, any other into the content index. A revision replayed into the content
	 * index would bring back an item withdrawn for good.
	 */
	ReplayReport replay(long from) {
		return this.reader.replay(from, (letters) -> {
			List<IncomingRecord> content = new ArrayList<>();
			List<IncomingRecord> revisions = new ArrayList<>();
			for (ConsumerRecord<byte[], byte[]> letter : letters) {
				String origin = DeadLetterWriter
					.originTopic(DeadLetterReader.DeadLetter.header(letter, DeadLetterWriter.ORIGIN));
				(Topic.CONTENT_REVISIONS.wireName().equals(origin) ? revisions : content)
					.add(IncomingRecord.from(letter));
			}
			List<Failure> failures = new ArrayList<>();
			this.indexer.write(content, ContentIndex.ALIAS,
					(record, cause) -> failures.add(new Failure(record.offset(), cause)), false);
			this.indexer.writeRevisions(revisions,
					(record, cause) -> failures.add(new Failure(record.offset(), cause)));
			return failures;
		});
	}

}
