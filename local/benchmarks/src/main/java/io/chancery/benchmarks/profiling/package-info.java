/**
 * Java Flight Recorder on the services while a scenario runs, started and stopped with
 * {@code jcmd}, and the hottest methods of each recording.
 */
@NullMarked
package io.chancery.benchmarks.profiling;

import org.jspecify.annotations.NullMarked;
