/**
 * The benchmark's articles: import lines in ingest-service's format, sized to order, made
 * from the demo catalog's invented texts.
 */
@NullMarked
package io.chancery.benchmarks.content;

import org.jspecify.annotations.NullMarked;
