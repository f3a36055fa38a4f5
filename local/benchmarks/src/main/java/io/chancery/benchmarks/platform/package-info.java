/**
 * The platform under test: started through the local run on free ports, and its processes
 * found among this JVM's descendants to read their memory and CPU time.
 */
@NullMarked
package io.chancery.benchmarks.platform;

import org.jspecify.annotations.NullMarked;
