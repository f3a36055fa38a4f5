/**
 * The read side: items, listings, the archive, search with facets and a histogram, cursor
 * paging, export and Atom feeds, all from the content index.
 */
@NullMarked
package io.chancery.search.reading;

import org.jspecify.annotations.NullMarked;
