/**
 * Search for analysts: articles and events together, with filters, facets, a histogram
 * and cursor paging.
 */
@NullMarked
package io.chancery.search.reading.search;

import org.jspecify.annotations.NullMarked;
