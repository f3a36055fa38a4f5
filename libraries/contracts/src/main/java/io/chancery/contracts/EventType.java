package io.chancery.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The value of the {@value #HEADER} header on every message: which payload the record
 * carries and on which topic it travels. The wire names are fixed; new types are added
 * beside old ones, never renamed.
 */
public enum EventType {

	ARTICLE_PUBLISHED("article-published", Topic.ARTICLES, Article.class),

	ARTICLE_WITHDRAWN("article-withdrawn", Topic.ARTICLES, Withdrawal.class),

	EVENT_PUBLISHED("event-published", Topic.EVENTS, Event.class),

	EVENT_WITHDRAWN("event-withdrawn", Topic.EVENTS, Withdrawal.class),

	SITE_DETAILS_UPDATED("site-details-updated", Topic.SITE_DETAILS, SiteDetails.class),

	COUNTER_MILESTONE_REACHED("counter-milestone-reached", Topic.COUNTER_MILESTONES, CounterMilestoneReached.class);

	/** The Kafka header that carries the event type. */
	public static final String HEADER = "event-type";

	private final String wireName;

	private final Topic topic;

	private final Class<?> payloadType;

	EventType(String wireName, Topic topic, Class<?> payloadType) {
		this.wireName = wireName;
		this.topic = topic;
		this.payloadType = payloadType;
	}

	public String wireName() {
		return this.wireName;
	}

	public Topic topic() {
		return this.topic;
	}

	public Class<?> payloadType() {
		return this.payloadType;
	}

	/**
	 * The type with this wire name, empty for one this version does not know (a newer
	 * producer's).
	 */
	public static Optional<EventType> fromWireName(String wireName) {
		return Arrays.stream(values()).filter((type) -> type.wireName.equals(wireName)).findFirst();
	}

}
