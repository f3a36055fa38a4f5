/**
 * What every part of the gateway shares: problem answers, caching helpers and the site's
 * zone.
 */
@NullMarked
package io.chancery.gateway.web;

import org.jspecify.annotations.NullMarked;
