package io.chancery.ingest.publishing;

import io.chancery.contracts.Topic;

/**
 * Ledger keys: record keys are unique per topic only (an article and an event may share
 * an id).
 */
final class TopicKeys {

	private TopicKeys() {
	}

	static String of(Topic topic, String recordKey) {
		return topic.wireName() + "/" + recordKey;
	}

}
