/**
 * The local run: Kafka, Elasticsearch and the four services as separate processes on this
 * machine, configured by environment variables exactly as the Helm chart configures them
 * in a cluster.
 */
@NullMarked
package io.chancery.localrun;

import org.jspecify.annotations.NullMarked;
