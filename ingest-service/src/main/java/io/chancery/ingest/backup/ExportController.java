package io.chancery.ingest.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.Topic;
import io.chancery.kafka.WholeTopics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The backup: every record the source topics still hold (so each item's history as far as
 * compaction has kept it), partition by partition in offset order, as import lines of
 * type {@code stored}. {@code POST /api/v1/import} with these lines, as an admin,
 * restores them into an empty platform with the same revisions.
 */
@RestController
@Tag(name = "Admin", description = "Backup (admins only)")
class ExportController {

	private static final List<Topic> SOURCE = List.of(Topic.ARTICLES, Topic.EVENTS, Topic.SITE_DETAILS);

	private final KafkaProperties kafka;

	ExportController(KafkaProperties kafka) {
		this.kafka = kafka;
	}

	@GetMapping(path = "/api/v1/admin/export", produces = "application/x-ndjson")
	@Operation(summary = "Export the source topics as import lines",
			description = "Every article, event and site-details record the topics hold, in order, one import line "
					+ "of type 'stored' each. Import the file as an admin to restore it.")
	ResponseEntity<StreamingResponseBody> export() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.header("Content-Disposition", "attachment; filename=\"chancery-backup.ndjson\"")
			.body(this::write);
	}

	private void write(OutputStream out) throws IOException {
		Map<String, Object> config = WholeTopics.consumerConfig(this.kafka, "ingest-service-export");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			for (Topic topic : SOURCE) {
				for (TopicPartition partition : consumer.partitionsFor(topic.wireName())
					.stream()
					.map((info) -> new TopicPartition(info.topic(), info.partition()))
					.sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
					.toList()) {
					copy(consumer, partition, out);
				}
			}
		}
		out.flush();
	}

	/** One partition, from its first record to its end as it is now. */
	private static void copy(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, OutputStream out)
			throws IOException {
		consumer.assign(List.of(partition));
		consumer.seekToBeginning(List.of(partition));
		long end = consumer.endOffsets(List.of(partition)).get(partition);
		while (consumer.position(partition) < end) {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				if (record.offset() >= end) {
					return;
				}
				Header type = record.headers().lastHeader(EventType.HEADER);
				if (type == null || record.value() == null) {
					continue;
				}
				ObjectNode line = MessageJson.mapper().createObjectNode();
				line.put("type", StoredImporter.TYPE);
				line.put("eventType", new String(type.value(), StandardCharsets.UTF_8));
				line.set("message", MessageJson.mapper().readTree(record.value()));
				out.write(MessageJson.mapper().writeValueAsBytes(line));
				out.write('\n');
			}
		}
	}

}
