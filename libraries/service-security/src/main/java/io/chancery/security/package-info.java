/**
 * Credentials, written once: API keys compared by digest ({@link ApiKeys}) and JWTs whose
 * {@code roles} claim carries the roles ({@link RolesClaimConverter}), for the gateway
 * and every service; and for a servlet service, its own chain ({@link ServiceSecurity})
 * with 401 and 403 as problem+json. Each service says only which of its routes need which
 * role.
 */
@NullMarked
package io.chancery.security;

import org.jspecify.annotations.NullMarked;
