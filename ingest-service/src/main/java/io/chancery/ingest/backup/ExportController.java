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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The backup: the editorial record ({@code content-revisions}: every revision of every
 * article and event, with who made it and why) and what the source topics hold beyond it
 * (site details, and revisions written before the record existed, as far as compaction
 * has kept them), partition by partition in offset order, as import lines of type
 * {@code stored}. {@code POST /api/v1/import} with these lines, as an admin, restores
 * them into an empty platform with the same revisions, which rebuilds the record too.
 */
@RestController
@Tag(name = "Admin", description = "Backup (admins only)")
class ExportController {

	/**
	 * In this order: a revision from before the record is restored before the ones the
	 * record holds, which follow it.
	 */
	private static final List<Topic> EXPORTED = List.of(Topic.ARTICLES, Topic.EVENTS, Topic.SITE_DETAILS,
			Topic.CONTENT_REVISIONS);

	private final KafkaProperties kafka;

	ExportController(KafkaProperties kafka) {
		this.kafka = kafka;
	}

	@GetMapping(path = "/api/v1/admin/export", produces = "application/x-ndjson")
	@Operation(summary = "Export the source topics as import lines",
			description = "Every revision of every article and event the editorial record holds, with the "
					+ "site details and the revisions from before the record the topics still hold, in order, one "
					+ "import line of type 'stored' each. Import the file as an admin to restore it.")
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
			for (Topic topic : EXPORTED) {
				for (TopicPartition partition : consumer.partitionsFor(topic.wireName())
					.stream()
					.map((info) -> new TopicPartition(info.topic(), info.partition()))
					.sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
					.toList()) {
					copy(consumer, partition, topic != Topic.CONTENT_REVISIONS, out);
				}
			}
		}
		out.flush();
	}

	/**
	 * One partition, from its first record to its end as it is now.
	 * @param beyondTheRecord whether to leave out the changes the editorial record holds
	 * (they carry their {@code change}), which it exports itself
	 */
	private static void copy(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, boolean beyondTheRecord,
			OutputStream out) throws IOException {
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
				JsonNode message = MessageJson.mapper().readTree(record.value());
				if (beyondTheRecord && message.has("change")) {
					continue;
				}
				ObjectNode line = MessageJson.mapper().createObjectNode();
				line.put("type", StoredImporter.TYPE);
				line.put("eventType", new String(type.value(), StandardCharsets.UTF_8));
				line.set("message", message);
				out.write(MessageJson.mapper().writeValueAsBytes(line));
				out.write('\n');
			}
		}
	}

}
