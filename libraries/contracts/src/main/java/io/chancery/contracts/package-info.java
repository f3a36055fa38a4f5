/**
 * The messages Chancery's services exchange over Kafka: one record per payload, the
 * topics they travel on, the {@code event-type} header that names them, and the JSON
 * mapper every service reads and writes them with. Wire names are fixed strings, never
 * derived from Java names, so a rename here is never a breaking change.
 */
@NullMarked
package io.chancery.contracts;

import org.jspecify.annotations.NullMarked;
