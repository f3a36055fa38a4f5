/**
 * Server-sent events for pages that stay open: a counter rolls over at its local
 * midnight, a definition changes, a clock's offset changes.
 */
@NullMarked
package io.chancery.counter.stream;

import org.jspecify.annotations.NullMarked;
