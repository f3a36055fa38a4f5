/**
 * Query parameters every route reads the same way (instants, zones, locales) and RFC 9457
 * problem answers.
 */
@NullMarked
package io.chancery.counter.web;

import org.jspecify.annotations.NullMarked;
