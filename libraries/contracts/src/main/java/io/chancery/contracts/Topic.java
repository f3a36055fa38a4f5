package io.chancery.contracts;

import java.time.Duration;
import java.util.Map;

/**
 * Every Kafka topic the platform uses, declared once. Provisioners (local, tests, the
 * Helm chart's KafkaTopics) create topics from this list; clients never auto-create them.
 */
public enum Topic {

	/**
	 * Articles, one record per id and locale; compacted and kept forever: the source of
	 * truth.
	 */
	ARTICLES("articles", 3, Retention.COMPACTED_FOREVER),

	/**
	 * Dated events of "Latest events", one record per id and locale; compacted and kept
	 * forever.
	 */
	EVENTS("events", 3, Retention.COMPACTED_FOREVER),

	/**
	 * Every accepted change of an article or event, one record per revision, in the same
	 * transaction as the change itself; never compacted and kept forever, so compaction
	 * of the source topics cannot shorten the editorial record. Key
	 * {@code <topic>/<id>:<locale>} ({@link #revisionsKey}): an item's revisions are in
	 * order in one partition. Value and headers as on the source topic.
	 */
	CONTENT_REVISIONS("content-revisions", 3, Retention.FOREVER),

	/** Site details, one record per locale; compacted and kept forever. */
	SITE_DETAILS("site-details", 1, Retention.COMPACTED_FOREVER),

	/**
	 * Counter milestones, one record per counter and milestone; compacted and kept
	 * forever so that the record of what was announced outlives every restart.
	 */
	COUNTER_MILESTONES("counter-milestones", 1, Retention.COMPACTED_FOREVER),

	/**
	 * Messages search-service could never index, with the cause in headers; kept four
	 * weeks.
	 */
	SEARCH_SERVICE_DEAD_LETTERS("search-service-dead-letters", 1, Retention.FOUR_WEEKS),

	/**
	 * Messages counter-service could never apply, with the cause in headers; kept four
	 * weeks.
	 */
	COUNTER_SERVICE_DEAD_LETTERS("counter-service-dead-letters", 1, Retention.FOUR_WEEKS);

	private final String wireName;

	private final int partitions;

	private final Retention retention;

	Topic(String wireName, int partitions, Retention retention) {
		this.wireName = wireName;
		this.partitions = partitions;
		this.retention = retention;
	}

	/** The topic's name on the broker. */
	public String wireName() {
		return this.wireName;
	}

	/** Partitions at creation; they cap the replicas of a consumer group. */
	public int partitions() {
		return this.partitions;
	}

	public Retention retention() {
		return this.retention;
	}

	/**
	 * The key of a change's record on {@link #CONTENT_REVISIONS}: the source topic's name
	 * and the change's key, since an article and an event may share an id.
	 */
	public static String revisionsKey(Topic source, String key) {
		return source.wireName + "/" + key;
	}

	/** Topic-level configuration as Kafka names it. */
	public Map<String, String> config() {
		return this.retention.config;
	}

	/** How long a topic keeps what it holds. */
	public enum Retention {

		/**
		 * Latest value per key kept forever; a withdrawal is a value, not a null
		 * tombstone, so it stays.
		 */
		COMPACTED_FOREVER(Map.of("cleanup.policy", "compact", "retention.ms", "-1")),

		/** Every record kept forever, none replaced by a later one of its key. */
		FOREVER(Map.of("cleanup.policy", "delete", "retention.ms", "-1")),

		/** Deleted by age. */
		FOUR_WEEKS(Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(Duration.ofDays(28).toMillis())));

		private final Map<String, String> config;

		Retention(Map<String, String> config) {
			this.config = config;
		}

	}

}
