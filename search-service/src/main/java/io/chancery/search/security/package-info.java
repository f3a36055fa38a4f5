/**
 * Who may do what on this service's own port: reads and feeds are public, the admin
 * routes (reindex, dead letters) need the admin role whether or not the call came through
 * the gateway.
 */
@NullMarked
package io.chancery.search.security;

import org.jspecify.annotations.NullMarked;
