/**
 * What a run found: the figures with their targets, the machine and versions, written as
 * {@code docs/performance.md} and as JSON.
 */
@NullMarked
package io.chancery.benchmarks.report;

import org.jspecify.annotations.NullMarked;
