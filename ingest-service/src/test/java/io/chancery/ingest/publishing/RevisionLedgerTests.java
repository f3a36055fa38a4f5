package io.chancery.ingest.publishing;

import io.chancery.contracts.EventType;
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

}
