/** The home page's data, composed from the services in one call. */
@NullMarked
package io.chancery.gateway.home;

import org.jspecify.annotations.NullMarked;
