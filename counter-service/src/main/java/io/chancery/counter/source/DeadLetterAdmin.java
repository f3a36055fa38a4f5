package io.chancery.counter.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.chancery.contracts.EventType;
import io.chancery.contracts.Topic;
import io.chancery.kafka.DeadLetterReader;
import io.chancery.kafka.DeadLetterReader.DeadLetterPage;
import io.chancery.kafka.DeadLetterReader.Failure;
import io.chancery.kafka.DeadLetterReader.ReplayReport;
import io.chancery.web.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The records this service could not read, for operators: listed with their cause, and
 * replayed after a fix. This service reads its source topics from the start at every
 * start, so the rollout that deployed the fix has already applied every record the fixed
 * build reads, in every replica alike; a replay reads each letter as the running build
 * does and reports which still fail, without changing one replica's counters apart from
 * the others'.
 */
@RestController
@Tag(name = "Admin", description = "Dead letters (admins only, through the gateway)")
class DeadLetterAdmin {

	private final DeadLetterReader reader;

	DeadLetterAdmin(KafkaProperties kafka) {
		this.reader = new DeadLetterReader(kafka, Topic.COUNTER_SERVICE_DEAD_LETTERS.wireName(),
				"counter-service-dead-letter-admin");
	}

	@GetMapping("/api/v1/admin/counters/dead-letters")
	@Operation(summary = "List dead letters",
			description = "Records of events, site-details and counter-milestones this service could not read, "
					+ "with the cause.")
	DeadLetterPage deadLetters(@RequestParam(defaultValue = "0") String from,
			@RequestParam(defaultValue = "100") String limit) {
		return this.reader.page(InvalidParameter.wholeNumber("from", from, 0, Long.MAX_VALUE),
				(int) InvalidParameter.wholeNumber("limit", limit, 1, 1000));
	}

	@PostMapping("/api/v1/admin/counters/dead-letters/replay")
	@Operation(summary = "Read dead letters again, after a fix",
			description = "From offset 'from' on. The running build read every source record at its start, so a "
					+ "letter it reads now is already applied ('indexed'); the letters that still fail are listed.")
	ReplayReport replay(@RequestParam(defaultValue = "0") String from) {
		return this.reader.replay(InvalidParameter.wholeNumber("from", from, 0, Long.MAX_VALUE), (letters) -> {
			List<Failure> failures = new ArrayList<>();
			for (ConsumerRecord<byte[], byte[]> letter : letters) {
				stillFailing(letter).ifPresent((cause) -> failures.add(new Failure(letter.offset(), cause)));
			}
			return failures;
		});
	}

	private static Optional<String> stillFailing(ConsumerRecord<byte[], byte[]> letter) {
		Optional<EventType> type = SourceRecords.type(letter.headers().lastHeader(EventType.HEADER));
		if (type.isEmpty()) {
			return Optional.of("missing or unknown event-type header");
		}
		if (letter.value() == null) {
			return Optional.empty();
		}
		try {
			SourceRecords.read(type.get(), letter.value());
			return Optional.empty();
		}
		catch (RuntimeException ex) {
			return Optional.of(SourceRecords.unreadable(type.get(), ex));
		}
	}

}
