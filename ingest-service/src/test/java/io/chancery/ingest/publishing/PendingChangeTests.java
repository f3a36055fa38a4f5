package io.chancery.ingest.publishing;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

import io.chancery.contracts.EventType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingChangeTests {

	@Test
	void aGroupTakesChangesInOrderAndLeavesASecondChangeToAnItemForTheNext() {
		LinkedBlockingQueue<PendingChange> waiting = new LinkedBlockingQueue<>();
		PendingChange first = change("a", null);
		PendingChange other = change("b", null);
		PendingChange again = change("a", null);
		PendingChange third = change("c", null);
		waiting.addAll(List.of(first, other, again, third));

		assertThat(PendingChange.nextGroup(waiting)).containsExactly(first, other, third);
		assertThat(waiting).containsExactly(again);
		assertThat(PendingChange.nextGroup(waiting)).containsExactly(again);
		assertThat(PendingChange.nextGroup(waiting)).isEmpty();
	}

	@Test
	void aRetryUnderTheSameIdempotencyKeyWaitsForTheFirstOutcome() {
		LinkedBlockingQueue<PendingChange> waiting = new LinkedBlockingQueue<>();
		PendingChange first = change("a", "key-1");
		PendingChange retry = change("b", "key-1");
		PendingChange unrelated = change("c", "key-2");
		waiting.addAll(List.of(first, retry, unrelated));

		assertThat(PendingChange.nextGroup(waiting)).containsExactly(first, unrelated);
		assertThat(PendingChange.nextGroup(waiting)).containsExactly(retry);
	}

	@Test
	void aGroupIsBounded() {
		LinkedBlockingQueue<PendingChange> waiting = new LinkedBlockingQueue<>();
		for (int n = 0; n < 300; n++) {
			waiting.add(change("item-" + n, null));
		}
		assertThat(PendingChange.nextGroup(waiting)).hasSize(256);
		assertThat(PendingChange.nextGroup(waiting)).hasSize(44);
	}

	@Test
	void aCallerIsAnsweredWithWhatTheDriverDecided() {
		PendingChange change = change("a", null);
		assertThat(change.done()).isFalse();
		change.succeed(new Published("a:en", EventType.ARTICLE_PUBLISHED, 3, false));
		assertThat(change.done()).isTrue();
		assertThat(change.outcome().revision()).isEqualTo(3);
	}

	private static PendingChange change(String item, @Nullable String idempotencyKey) {
		Publication publication = new Publication(item + ":en", EventType.ARTICLE_PUBLISHED, null, false,
				idempotencyKey, "fingerprint-" + item);
		return new PendingChange(publication, "articles/" + item + ":en", (revision, previous) -> item);
	}

}
