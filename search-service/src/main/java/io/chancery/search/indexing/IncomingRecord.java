package io.chancery.search.indexing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chancery.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * One record of a batch, unpacked from the binder's batch message, where every header is
 * a list in record order.
 *
 * @param topic where it came from
 * @param partition its partition
 * @param offset its offset
 * @param key its key
 * @param eventType its {@code event-type} header
 * @param timestamp when it was written to the topic, in epoch milliseconds; -1 if unknown
 * @param value its payload
 */
record IncomingRecord(String topic, int partition, long offset, @Nullable String key, @Nullable String eventType,
		long timestamp, byte[] value) {

	static List<IncomingRecord> from(Message<List<byte[]>> batch) {
		List<byte[]> values = batch.getPayload();
		List<?> topics = list(batch, KafkaHeaders.RECEIVED_TOPIC);
		List<?> partitions = list(batch, KafkaHeaders.RECEIVED_PARTITION);
		List<?> offsets = list(batch, KafkaHeaders.OFFSET);
		List<?> keys = list(batch, KafkaHeaders.RECEIVED_KEY);
		List<?> timestamps = list(batch, KafkaHeaders.RECEIVED_TIMESTAMP);
		List<?> headers = list(batch, KafkaHeaders.BATCH_CONVERTED_HEADERS);
		List<IncomingRecord> records = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			Object recordHeaders = (i < headers.size()) ? headers.get(i) : null;
			Object eventType = (recordHeaders instanceof Map<?, ?> map) ? map.get(EventType.HEADER) : null;
			records.add(new IncomingRecord(String.valueOf(at(topics, i)), ((Number) at(partitions, i)).intValue(),
					((Number) at(offsets, i)).longValue(), text(at(keys, i)), text(eventType),
					((Number) at(timestamps, i)).longValue(), (values.get(i) != null) ? values.get(i) : new byte[0]));
		}
		return records;
	}

	static IncomingRecord from(ConsumerRecord<byte[], byte[]> record) {
		Header eventType = record.headers().lastHeader(EventType.HEADER);
		return new IncomingRecord(record.topic(), record.partition(), record.offset(),
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null,
				(eventType != null) ? new String(eventType.value(), StandardCharsets.UTF_8) : null, record.timestamp(),
				(record.value() != null) ? record.value() : new byte[0]);
	}

	private static List<?> list(Message<?> message, String header) {
		Object value = message.getHeaders().get(header);
		return (value instanceof List<?> list) ? list : List.of();
	}

	private static Object at(List<?> list, int index) {
		return (index < list.size() && list.get(index) != null) ? list.get(index) : -1;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null && !(value instanceof Integer)) ? value.toString() : null;
	}

}
