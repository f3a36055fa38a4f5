/**
 * The Elasticsearch side: index templates from JSON resources, versioned indices behind
 * the {@code content} alias, created by an explicit bootstrap at start, never as a side
 * effect of a write.
 */
@NullMarked
package io.chancery.search.elasticsearch;

import org.jspecify.annotations.NullMarked;
