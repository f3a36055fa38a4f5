/**
 * Who may write: editors and admins, with the credentials every service accepts
 * ({@code service-security}).
 */
@NullMarked
package io.chancery.ingest.security;

import org.jspecify.annotations.NullMarked;
