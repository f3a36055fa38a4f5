/**
 * Credentials for a servlet service's own routes, written once for every service: API
 * keys compared by digest, JWTs whose {@code roles} claim carries the roles, and 401 and
 * 403 as problem+json. Each service says only which of its routes need which role.
 */
@NullMarked
package io.chancery.security;

import org.jspecify.annotations.NullMarked;
