package io.chancery.contracts;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wire names are stable kebab-case strings and unique; a rename of a Java constant never
 * changes them.
 */
class WireNamesTests {

	private static final Pattern KEBAB = Pattern.compile("[a-z]+(-[a-z]+)*");

	@Test
	void topicsAreUniqueKebabCasePluralNouns() {
		assertThat(Arrays.stream(Topic.values()).map(Topic::wireName)).allMatch((name) -> KEBAB.matcher(name).matches())
			.allMatch((name) -> name.endsWith("s"))
			.doesNotHaveDuplicates();
	}

	@Test
	void eventTypesAreUniqueKebabCaseAndNameTheirTopic() {
		assertThat(Arrays.stream(EventType.values()).map(EventType::wireName))
			.allMatch((name) -> KEBAB.matcher(name).matches())
			.doesNotHaveDuplicates();
		assertThat(EventType.fromWireName("article-withdrawn")).contains(EventType.ARTICLE_WITHDRAWN);
		assertThat(EventType.fromWireName("article-archived")).isEmpty();
		assertThat(EventType.ARTICLE_PUBLISHED.topic()).isEqualTo(Topic.ARTICLES);
	}

	@Test
	void sourceTopicsAreCompactedAndKeptForeverTheRevisionsKeptWholeAndDeadLettersExpire() {
		for (Topic topic : Topic.values()) {
			if (topic.wireName().endsWith("dead-letters")) {
				assertThat(topic.config()).containsEntry("cleanup.policy", "delete")
					.doesNotContainEntry("retention.ms", "-1");
			}
			else if (topic == Topic.CONTENT_REVISIONS) {
				assertThat(topic.config()).containsEntry("cleanup.policy", "delete")
					.containsEntry("retention.ms", "-1");
			}
			else {
				assertThat(topic.config()).containsEntry("cleanup.policy", "compact")
					.containsEntry("retention.ms", "-1");
			}
		}
	}

	@Test
	void keysJoinIdAndLocale() {
		assertThat(ContentKey.of("speech-2024-0142", "ru")).isEqualTo("speech-2024-0142:ru");
		assertThat(Topic.revisionsKey(Topic.EVENTS, "speech-2024-0142:ru")).isEqualTo("events/speech-2024-0142:ru");
	}

}
