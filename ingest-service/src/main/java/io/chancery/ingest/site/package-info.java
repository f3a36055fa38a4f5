/**
 * The institution's name, consular contacts and clock cities, replaced as a whole per
 * locale.
 */
@NullMarked
package io.chancery.ingest.site;

import org.jspecify.annotations.NullMarked;
