/**
 * The HTTP surface shared by every route: RFC 9457 problem responses, body size limits,
 * admission of single writes, and passing a write to the replica that owns its partition.
 */
@NullMarked
package io.chancery.ingest.web;

import org.jspecify.annotations.NullMarked;
