/**
 * Real Kafka and Elasticsearch for tests and the local run, without Docker: a KRaft
 * broker in a child JVM and the Elasticsearch distribution from Maven Central as a child
 * process, both bound to loopback on free ports and both ending when the JVM that started
 * them ends, however it ends. Where a Docker engine exists the same
 * {@link io.chancery.infrastructure.Infrastructure} comes from Testcontainers instead.
 */
@NullMarked
package io.chancery.infrastructure;

import org.jspecify.annotations.NullMarked;
