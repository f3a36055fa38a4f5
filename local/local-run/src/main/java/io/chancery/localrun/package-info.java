/**
 * The local run: Kafka, Elasticsearch and the four services as separate processes on this
 * machine, configured by environment variables exactly as the Helm chart configures them
 * in a cluster. {@link io.chancery.localrun.LocalRun} is {@code ./mvnw -Prun package};
 * {@link io.chancery.localrun.LocalPlatform} starts the same platform on free ports for
 * the system tests and the benchmarks, which break it through
 * {@link io.chancery.localrun.Faults}. Beside them: where the state lives and the keys
 * kept in it ({@code PlatformHome}), how a service's JVM is started and with what
 * environment ({@code ServiceJvm}, {@code ServiceEnvironment}), when it is ready
 * ({@code ServiceReadiness}), and its AOT cache ({@code AotCache}).
 */
@NullMarked
package io.chancery.localrun;

import org.jspecify.annotations.NullMarked;
