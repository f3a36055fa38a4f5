/**
 * The HTTP surface shared by every route: RFC 9457 problem responses, body size limits,
 * and request fingerprints for idempotency keys.
 */
@NullMarked
package io.chancery.ingest.web;

import org.jspecify.annotations.NullMarked;
