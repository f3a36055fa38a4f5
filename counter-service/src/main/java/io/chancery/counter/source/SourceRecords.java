package io.chancery.counter.source;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.chancery.contracts.Event;
import io.chancery.contracts.EventType;
import io.chancery.contracts.MessageJson;
import io.chancery.contracts.SiteDetails;
import io.chancery.contracts.Withdrawal;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * How this build reads the records of its source topics: the follower applies what it
 * reads, and the dead-letter replay asks whether a letter now reads.
 */
final class SourceRecords {

	private SourceRecords() {
	}

	static Optional<EventType> type(@Nullable Header header) {
		return Optional.ofNullable(header)
			.map(Header::value)
			.map((value) -> new String(value, StandardCharsets.UTF_8))
			.flatMap(EventType::fromWireName);
	}

	/**
	 * The message a record carries: an {@link Event}, a {@link Withdrawal} or
	 * {@link SiteDetails}; null for a record whose key is all there is (a milestone) or
	 * that this service does not use.
	 * @throws RuntimeException when the value cannot be read
	 */
	static @Nullable Object read(EventType type, byte[] value) {
		return switch (type) {
			case EVENT_PUBLISHED -> MessageJson.mapper().readValue(value, Event.class);
			case EVENT_WITHDRAWN -> MessageJson.mapper().readValue(value, Withdrawal.class);
			case SITE_DETAILS_UPDATED -> MessageJson.mapper().readValue(value, SiteDetails.class);
			default -> null;
		};
	}

	static String unreadable(EventType type, RuntimeException ex) {
		return "unreadable " + type.wireName() + ": " + ex.getMessage();
	}

}
