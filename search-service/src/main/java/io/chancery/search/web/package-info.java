/**
 * What every route shares: the exceptions a request can end in and their RFC 9457 problem
 * answers.
 */
@NullMarked
package io.chancery.search.web;

import org.jspecify.annotations.NullMarked;
