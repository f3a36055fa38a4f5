/**
 * What incoming content must satisfy, and how its text is cleaned before it reaches
 * Kafka: field-path violations, the vocabulary of locales and zones, and the HTML
 * allow-list.
 */
@NullMarked
package io.chancery.ingest.validation;

import org.jspecify.annotations.NullMarked;
