/**
 * The counters defined on events and the clock cities of the site details, held in memory
 * as the topics say, and served evaluated at any instant.
 */
@NullMarked
package io.chancery.counter.counters;

import org.jspecify.annotations.NullMarked;
