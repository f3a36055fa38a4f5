package io.chancery.kafka;

import java.time.Duration;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadPositionsTests {

	private final TopicPartition partition = new TopicPartition("articles", 1);

	private final ReadPositions positions = new ReadPositions();

	@Test
	void aPositionReachedIsNotWaitedFor() {
		this.positions.readUpTo(this.partition, 12);
		assertThat(this.positions.awaitPosition(this.partition, 12, Duration.ZERO)).isTrue();
		assertThat(this.positions.awaitPosition(this.partition, 5, Duration.ZERO)).isTrue();
	}

	@Test
	void positionsOnlyMoveForward() {
		this.positions.readUpTo(this.partition, 12);
		this.positions.readUpTo(this.partition, 7);
		assertThat(this.positions.awaitPosition(this.partition, 12, Duration.ZERO)).isTrue();
	}

	@Test
	void aPositionNotReachedInTimeIsReported() {
		this.positions.readUpTo(this.partition, 3);
		assertThat(this.positions.awaitPosition(this.partition, 4, Duration.ofMillis(20))).isFalse();
		assertThat(this.positions.awaitPosition(new TopicPartition("articles", 2), 1, Duration.ofMillis(20))).isFalse();
	}

	@Test
	void aReaderThatCatchesUpWhileOneWaitsReleasesIt() throws Exception {
		Thread reader = Thread.ofPlatform().start(() -> {
			Content.pause(50);
			this.positions.readUpTo(this.partition, 40);
		});
		assertThat(this.positions.awaitPosition(this.partition, 40, Duration.ofSeconds(5))).isTrue();
		reader.join();
	}

	@Test
	void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
		Thread.currentThread().interrupt();
		assertThat(this.positions.awaitPosition(this.partition, 1, Duration.ofSeconds(5))).isFalse();
		assertThat(Thread.interrupted()).isTrue();
	}

	private static final class Content {

		static void pause(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
