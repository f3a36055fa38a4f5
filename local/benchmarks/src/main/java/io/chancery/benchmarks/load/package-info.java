/**
 * Load from outside the platform: wrk for HTTP reads, nginx as the reverse proxy and
 * static server it is compared with, and HDR histograms for the load this JVM makes
 * itself.
 */
@NullMarked
package io.chancery.benchmarks.load;

import org.jspecify.annotations.NullMarked;
