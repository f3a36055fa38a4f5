/**
 * Publishing API: validates what editors and importers publish and writes it to Kafka,
 * the source of truth.
 */
@NullMarked
package io.chancery.ingest;

import org.jspecify.annotations.NullMarked;
