package io.chancery.ingest.publishing;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Not ready until this replica is in the writers' group: before that, a write it takes
 * may find no replica that owns its partition.
 */
@Component("ownership")
class OwnershipHealthIndicator implements HealthIndicator {

	private final PartitionOwnership ownership;

	OwnershipHealthIndicator(PartitionOwnership ownership) {
		this.ownership = ownership;
	}

	@Override
	public Health health() {
		return this.ownership.hasJoined() ? Health.up().withDetail("partitions", this.ownership.ownedCount()).build()
				: Health.outOfService().withDetail("reason", "joining the group of writers").build();
	}

}
