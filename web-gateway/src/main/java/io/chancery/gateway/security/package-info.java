/**
 * Authentication (JWT bearer tokens, API keys) and the authorization matrix of the public
 * API; CORS and security headers.
 */
@NullMarked
package io.chancery.gateway.security;

import org.jspecify.annotations.NullMarked;
