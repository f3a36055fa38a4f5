package io.chancery.ingest.publishing;

import java.time.Instant;

import io.chancery.contracts.EventType;
import io.chancery.contracts.MajorChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionLedgerTests {

	private final RevisionLedger ledger = new RevisionLedger();

	@Test
	void aRevisionGivenBackIsHandedOutAgain() {
		long first = this.ledger.reserve("articles/new:en");
		this.ledger.unreserve("articles/new:en", first);
		assertThat(this.ledger.reserve("articles/new:en")).isEqualTo(first).isEqualTo(1);
	}

	@Test
	void onlyTheLatestReservationGoesBackAndNeverBelowWhatWasAccepted() {
		this.ledger.accept("articles/a:en", EventType.ARTICLE_PUBLISHED, 3, 0, 10, null, null);
		long fourth = this.ledger.reserve("articles/a:en");
		long fifth = this.ledger.reserve("articles/a:en");
		// Another write in flight holds 5: giving 4 back would hand 5 out twice.
		this.ledger.unreserve("articles/a:en", fourth);
		assertThat(this.ledger.reserve("articles/a:en")).isEqualTo(fifth + 1);
		this.ledger.unreserve("articles/a:en", fifth + 1);
		this.ledger.unreserve("articles/a:en", fifth);
		this.ledger.unreserve("articles/a:en", fourth);
		assertThat(this.ledger.reserve("articles/a:en")).isEqualTo(4);
		this.ledger.unreserve("articles/a:en", 4);
		this.ledger.unreserve("articles/a:en", 3);
		assertThat(this.ledger.reserve("articles/a:en")).as("never below the accepted revision").isEqualTo(4);
	}

	@Test
	void theLatestMajorChangeIsWhatTheNextChangeFindsUntilANewerOne() {
		MajorChange first = new MajorChange(Instant.parse("2026-12-01T08:00:00Z"), "Corrected the date");
		MajorChange second = new MajorChange(Instant.parse("2026-12-02T08:00:00Z"), "Added the transcript");
		assertThat(this.ledger.previous("articles/b:en")).isEqualTo(new Previous(0, null, false));

		this.ledger.accept("articles/b:en", EventType.ARTICLE_PUBLISHED, 1, 0, 1, null, null,
				new ItemFacts(first, false));
		this.ledger.accept("articles/b:en", EventType.ARTICLE_PUBLISHED, 2, 0, 2, null, null,
				new ItemFacts(null, false));
		assertThat(this.ledger.previous("articles/b:en")).isEqualTo(new Previous(2, first, false));

		this.ledger.accept("articles/b:en", EventType.ARTICLE_PUBLISHED, 4, 0, 4, null, null,
				new ItemFacts(second, false));
		// Read back out of order, as a replica catching up may: the newer one holds.
		this.ledger.accept("articles/b:en", EventType.ARTICLE_PUBLISHED, 3, 0, 3, null, null,
				new ItemFacts(first, false));
		assertThat(this.ledger.previous("articles/b:en")).isEqualTo(new Previous(4, second, false));
	}

	@Test
	void anItemIsADraftWhileItsLatestRevisionIs() {
		this.ledger.accept("articles/c:en", EventType.ARTICLE_PUBLISHED, 1, 0, 1, null, null,
				new ItemFacts(null, true));
		assertThat(this.ledger.previous("articles/c:en").draft()).isTrue();
		assertThat(this.ledger.previous("articles/c:en").published()).isFalse();

		this.ledger.accept("articles/c:en", EventType.ARTICLE_PUBLISHED, 2, 0, 2, null, null, ItemFacts.NONE);
		assertThat(this.ledger.previous("articles/c:en").published()).isTrue();
		// An older draft read late does not make it one again.
		this.ledger.accept("articles/c:en", EventType.ARTICLE_PUBLISHED, 1, 0, 1, null, null,
				new ItemFacts(null, true));
		assertThat(this.ledger.previous("articles/c:en").draft()).isFalse();
	}

}
