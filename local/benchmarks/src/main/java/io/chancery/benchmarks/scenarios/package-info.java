/**
 * The scenarios of the performance table, each measuring the platform and its peer on the
 * same machine in the same run.
 */
@NullMarked
package io.chancery.benchmarks.scenarios;

import org.jspecify.annotations.NullMarked;
