/**
 * Which service answers which path, how long the gateway waits, and the caching of public
 * reads.
 */
@NullMarked
package io.chancery.gateway.routing;

import org.jspecify.annotations.NullMarked;
