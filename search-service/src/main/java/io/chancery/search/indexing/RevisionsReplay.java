package io.chancery.search.indexing;

import java.io.IOException;
import java.util.Collection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.chancery.search.elasticsearch.RevisionsIndex;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the editorial record from {@code content-revisions} when Elasticsearch lost
 * it: a consumer that starts and finds the record's index empty reads its partitions from
 * their beginning instead of from the group's committed offsets, which would skip
 * everything before them. Documents are keyed by item and revision, so reading a record
 * again writes nothing twice. The content index has its own rebuild
 * ({@link IndexUpgrade}).
 */
@Component
class RevisionsReplay implements KafkaBindingRebalanceListener {

	static final String BINDING = "indexRevisions-in-0";

	private static final Logger logger = LoggerFactory.getLogger(RevisionsReplay.class);

	private final ElasticsearchClient client;

	RevisionsReplay(ElasticsearchClient client) {
		this.client = client;
	}

	@Override
	public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
			boolean initial) {
		if (!initial || !BINDING.equals(bindingName) || partitions.isEmpty()) {
			return;
		}
		try {
			if (this.client.count((count) -> count.index(RevisionsIndex.ALIAS)).count() == 0) {
				consumer.seekToBeginning(partitions);
				logger.info("The editorial record's index is empty: reading {} from the beginning", partitions);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not tell whether the editorial record's index is empty; reading on from the "
					+ "committed offsets: {}", ex.toString());
		}
	}

}
