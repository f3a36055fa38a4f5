package io.chancery.contracts;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A counter reached a milestone: published once per counter and milestone.
 * <p>
 * Topic {@code counter-milestones}, key {@code counterId:milestone}, event type
 * {@code counter-milestone-reached}. Compaction keeps one record per key, so the topic is
 * also the record of what was already announced.
 *
 * @param counterId the counter's id (its event's id)
 * @param milestone the milestone's stable name, for example {@code days-1000} or
 * {@code anniversary-3}
 * @param days the counter's value on that day
 * @param reachedOn the local date, in the counter's zone, the milestone was reached on
 * @param timeZone the counter's zone
 * @param publishedAt when the announcement was published
 */
public record CounterMilestoneReached(String counterId, String milestone, long days, LocalDate reachedOn,
		String timeZone, Instant publishedAt) {
}
