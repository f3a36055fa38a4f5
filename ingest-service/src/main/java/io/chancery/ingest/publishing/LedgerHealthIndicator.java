package io.chancery.ingest.publishing;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Not ready until the ledger has read the topics: a write before that could reuse a
 * revision.
 */
@Component("ledger")
class LedgerHealthIndicator implements HealthIndicator {

	private final RevisionLedger ledger;

	LedgerHealthIndicator(RevisionLedger ledger) {
		this.ledger = ledger;
	}

	@Override
	public Health health() {
		return this.ledger.isCaughtUp() ? Health.up().withDetail("items", this.ledger.size()).build()
				: Health.outOfService().withDetail("reason", "reading the source topics").build();
	}

}
