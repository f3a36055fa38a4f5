package io.chancery.counter.counters;

/**
 * A counter was defined, changed or removed by a newer event revision.
 *
 * @param id the counter's id
 * @param locale the locale of the definition
 * @param removed whether the counter is gone
 */
public record CounterDefinitionChanged(String id, String locale, boolean removed) {
}
