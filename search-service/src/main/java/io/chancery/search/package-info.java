/**
 * Indexes the source topics into Elasticsearch and serves search, listings and feeds.
 */
@NullMarked
package io.chancery.search;

import org.jspecify.annotations.NullMarked;
