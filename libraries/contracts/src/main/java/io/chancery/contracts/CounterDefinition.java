package io.chancery.contracts;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A "days since" (or "days until") counter attached to an event. The counter's id is the
 * event's id.
 *
 * @param caption the sentence after the number, for example "days have passed since the
 * incident … — no credible response"
 * @param timeZone the IANA zone whose midnight turns the day
 * @param direction count days since the start date, or until it
 * @param countFrom the date counted from, when it differs from the event's date (a
 * restart "since the last …")
 * @param stoppedOn the date the counter froze, if stopped
 * @param milestones day counts announced when reached; absent means the platform's
 * defaults
 * @param anniversaries whether yearly anniversaries are announced
 */
public record CounterDefinition(String caption, String timeZone, Direction direction, @Nullable LocalDate countFrom,
		@Nullable LocalDate stoppedOn, @Nullable List<Integer> milestones, boolean anniversaries) {

	public CounterDefinition {
		milestones = (milestones != null) ? List.copyOf(milestones) : null;
	}

	/** Whether the counter counts up from its date or down to it. */
	public enum Direction {

		@JsonProperty("since")
		SINCE,

		@JsonProperty("until")
		UNTIL

	}

}
