package io.chancery.gateway.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Everything the home page shows, in one answer. A part whose service did not answer in
 * time is {@code null} and named in {@code unavailable}; the rest is still there.
 *
 * @param locale the locale
 * @param at the instant the page is for
 * @param today the date at that instant in the institution's zone
 * @param zone that zone
 * @param site the institution's name and consular contacts (counter-service)
 * @param clocks the clock cities (counter-service)
 * @param counters the counters (counter-service)
 * @param featured the newest speech, interview or article published by then, in full
 * (search-service)
 * @param latestEvents the events on or before that date, newest first (search-service)
 * @param upcomingEvents the events after it, soonest first (search-service)
 * @param unavailable the parts that could not be had
 */
record Home(String locale, Instant at, LocalDate today, String zone, @Nullable JsonNode site, @Nullable JsonNode clocks,
		@Nullable JsonNode counters, @Nullable JsonNode featured, @Nullable JsonNode latestEvents,
		@Nullable JsonNode upcomingEvents, List<String> unavailable) {
}
