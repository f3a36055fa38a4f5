/**
 * The benchmark's entry point and its settings: starts the platform and the peers, runs
 * every scenario of the performance table in one run, and writes the report.
 */
@NullMarked
package io.chancery.benchmarks;

import org.jspecify.annotations.NullMarked;
