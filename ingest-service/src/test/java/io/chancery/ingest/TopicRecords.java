package io.chancery.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import io.chancery.contracts.Topic;
import io.chancery.kafka.TopicContents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads what a topic holds now, from its beginning to its current end, straight from the
 * broker.
 */
final class TopicRecords {

	private TopicRecords() {
	}

	static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, Topic topic,
			Predicate<String> keyFilter) {
		return TopicContents.read(bootstrapServers, topic.wireName())
			.stream()
			.filter((record) -> record.key() != null && keyFilter.test(record.key()))
			.toList();
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
