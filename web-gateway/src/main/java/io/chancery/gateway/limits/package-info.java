/** Rate limits per client and size limits per request. */
@NullMarked
package io.chancery.gateway.limits;

import org.jspecify.annotations.NullMarked;
