/**
 * The analyst query syntax, parsed into a tree the search builds structured queries from;
 * never handed to Elasticsearch as text.
 */
@NullMarked
package io.chancery.search.query;

import org.jspecify.annotations.NullMarked;
