/** The reference website served by the gateway: pages, scripts and styles. */
@NullMarked
package io.chancery.gateway.website;

import org.jspecify.annotations.NullMarked;
