/**
 * How every service treats a request's query, written once: the parameters a route
 * accepts ({@link io.chancery.web.QueryParameters}), anything else refused before the
 * route reads it ({@link io.chancery.web.StrictQuery} in a servlet service), one problem
 * for a parameter that cannot be used ({@link io.chancery.web.InvalidParameter}), and the
 * same problems described in the API document
 * ({@link io.chancery.web.ProblemDocumentation}).
 */
@NullMarked
package io.chancery.web;

import org.jspecify.annotations.NullMarked;
