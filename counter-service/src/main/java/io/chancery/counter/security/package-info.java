/**
 * Who may do what on this service's own port: counters, clocks and streams are public,
 * the admin routes (dead letters) need the admin role whether or not the call came
 * through the gateway.
 */
@NullMarked
package io.chancery.counter.security;

import org.jspecify.annotations.NullMarked;
