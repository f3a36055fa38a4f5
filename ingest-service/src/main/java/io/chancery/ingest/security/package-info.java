/**
 * Who may write: editors and admins, proven by a JWT bearer token (OAuth2 resource
 * server, configured by issuer or JWK set) or by an API key for automation, stored as a
 * SHA-256 digest and scoped to a role.
 */
@NullMarked
package io.chancery.ingest.security;

import org.jspecify.annotations.NullMarked;
