/**
 * Atom feeds of events and articles, written by ROME.
 */
@NullMarked
package io.chancery.search.reading.feeds;

import org.jspecify.annotations.NullMarked;
