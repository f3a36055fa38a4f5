package io.chancery.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterOriginTests {

	@Test
	void theTopicOfAnOriginIsReadBackWhateverItsName() {
		assertThat(DeadLetterWriter.originTopic(DeadLetterWriter.origin("content-revisions", 2, 17)))
			.isEqualTo("content-revisions");
		assertThat(DeadLetterWriter.originTopic(DeadLetterWriter.origin("articles", 0, 5))).isEqualTo("articles");
	}

	@Test
	void aLetterWithoutAnOriginHasNoTopic() {
		assertThat(DeadLetterWriter.originTopic(null)).isNull();
		assertThat(DeadLetterWriter.originTopic("written by hand")).isNull();
		assertThat(DeadLetterWriter.originTopic("@5")).isNull();
	}

}
