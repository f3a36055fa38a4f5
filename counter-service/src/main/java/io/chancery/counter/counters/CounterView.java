package io.chancery.counter.counters;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A counter as a page shows it, evaluated at one instant.
 *
 * @param id the counter's id (its event's id)
 * @param locale the locale of its caption
 * @param value the number of days
 * @param unit the noun for that number in the locale ("days", "дня")
 * @param caption the rest of the sentence
 * @param text the sentence, ready to show: "503 days have passed since …"
 * @param direction since or until
 * @param state counting, stopped (frozen at its final value), upcoming (its date is still
 * ahead) or reached (a countdown whose date has come)
 * @param countFrom the date counted from (or to, for a countdown)
 * @param stoppedOn the date it froze, if stopped
 * @param timeZone the zone whose midnight turns the day
 * @param today the date in that zone at {@code at}
 * @param at the instant it was evaluated at
 * @param nextChangeAt when the value next changes; absent once it no longer changes
 * @param eventTitle the title of the event it belongs to
 */
public record CounterView(String id, String locale, long value, String unit, String caption, String text,
		String direction, String state, LocalDate countFrom, @Nullable LocalDate stoppedOn, String timeZone,
		LocalDate today, Instant at, @Nullable Instant nextChangeAt, String eventTitle) {
}
