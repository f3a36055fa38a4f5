/**
 * The one front door: routing, auth, rate limits, one-call page data and the reference
 * website.
 */
@NullMarked
package io.chancery.gateway;

import org.jspecify.annotations.NullMarked;
