package io.chancery.counter.milestones;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaults day counts announced for counters that name none
 * @param grace how far back a milestone may lie and still be announced, so that a counter
 * defined years after its event does not announce its whole past
 * @param checkInterval how often due milestones are looked for
 */
@ConfigurationProperties("chancery.milestones")
record MilestoneProperties(@DefaultValue( {
		"100", "500", "1000", "2000", "3000", "5000" }) List<Integer> defaults, @DefaultValue("7d") Duration grace,
		@DefaultValue("1s") Duration checkInterval){
}
