/**
 * Items and listings for the site's pages: one item, items like it, articles and events
 * newest first, the archive by month.
 */
@NullMarked
package io.chancery.search.reading.listings;

import org.jspecify.annotations.NullMarked;
